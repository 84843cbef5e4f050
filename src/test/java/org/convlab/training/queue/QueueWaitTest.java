package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** How long a waiting run waits behind the runs ahead of it, with fair turns and first in, first out. */
class QueueWaitTest {

    private static final Duration SLICE = Duration.ofSeconds(30);

    private static List<OptionalDouble> left(double... seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(OptionalDouble::of).toList();
    }

    @Test
    void withFairTurnsEachRunAheadTrainsAtMostOneSliceBeforeThisOnesTurn() {
        // Ten minutes, five seconds and two minutes left: 30 + 5 + 30 s.
        assertThat(RunQueue.wait(left(600, 5, 120), QueuePolicy.FAIR, SLICE, 1)).isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void firstInFirstOutWaitsForEveryRunAheadToFinish() {
        assertThat(RunQueue.wait(left(600, 5, 120), QueuePolicy.FIFO, SLICE, 1)).isEqualTo(Duration.ofSeconds(725));
    }

    @Test
    void theWorkersShareTheWorkAhead() {
        assertThat(RunQueue.wait(left(600, 5, 120), QueuePolicy.FAIR, SLICE, 2)).isEqualTo(Duration.ofMillis(32_500));
        assertThat(RunQueue.wait(left(600, 5, 120), QueuePolicy.FIFO, SLICE, 0)).isEqualTo(Duration.ofSeconds(725));
    }

    @Test
    void nothingAheadMeansNoWaitAndAnUnknownTimeAheadMeansNoEstimate() {
        assertThat(RunQueue.wait(List.of(), QueuePolicy.FAIR, SLICE, 1)).isZero();
        assertThat(RunQueue.wait(List.of(OptionalDouble.of(10), OptionalDouble.empty()), QueuePolicy.FAIR, SLICE, 1))
                .isNull();
    }
}
