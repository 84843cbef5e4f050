package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue's figures as meters: counts per device read cheaply, epochs and waits recorded only when they make sense. */
class QueueMetricsTest {

    final AtomicInteger queries = new AtomicInteger();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A repository that answers only the grouped count, from {@code rows}, counting the queries. */
    RunJobRepository repository(Supplier<List<Object[]>> rows) {
        return (RunJobRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RunJobRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("countByDevice")) {
                        queries.incrementAndGet();
                        return rows.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static EpochReport epoch(double seconds, double imagesPerSecond) {
        return new EpochReport(1, 0.5, 0.8, Double.NaN, Double.NaN, 0.01, seconds, imagesPerSecond);
    }

    @Test
    void waitingAndTrainingRunsAreGaugedPerDeviceAndAnUnclaimedRunCountsAsAny() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {null, 3L});
        rows.add(new Object[] {"gpu", 2L});
        QueueMetrics metrics = new QueueMetrics(repository(() -> rows));
        metrics.bindTo(registry);

        assertThat(registry.get("convlab.queue.waiting").tag("device", "any").gauge().value()).isEqualTo(3.0);
        assertThat(registry.get("convlab.queue.waiting").tag("device", "gpu").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("convlab.queue.training").tag("device", "cpu").gauge().value()).isEqualTo(0.0);
        assertThat(metrics.counts().waitingTotal()).isEqualTo(5);
    }

    @Test
    void readingTheGaugesOftenQueriesTheDatabaseOnlyWhenTheCountsAreStale() {
        Instant[] now = {Instant.parse("2026-01-01T10:00:00Z")};
        QueueMetrics metrics = new QueueMetrics(repository(List::of), () -> now[0]);
        metrics.bindTo(registry);
        for (int i = 0; i < 50; i++) {
            registry.get("convlab.queue.waiting").tag("device", "cpu").gauge().value();
            metrics.counts();
        }
        assertThat(queries.get()).isEqualTo(2); // waiting and training, once
        now[0] = now[0].plus(QueueMetrics.FRESH);
        metrics.counts();
        assertThat(queries.get()).isEqualTo(4);
    }

    @Test
    void aDatabaseThatCannotAnswerGivesZeroesNotAnError() {
        QueueMetrics metrics = new QueueMetrics(repository(() -> {
            throw new IllegalStateException("database down");
        }));
        metrics.bindTo(registry);
        assertThat(registry.get("convlab.queue.training").tag("device", "gpu").gauge().value()).isEqualTo(0.0);
        assertThat(metrics.counts()).isEqualTo(new QueueMetrics.Counts(Map.of(), Map.of()));
    }

    @Test
    void aFinishedEpochRecordsItsTimeAndImagesPerSecond() {
        QueueMetrics metrics = new QueueMetrics(repository(List::of));
        metrics.bindTo(registry);
        metrics.epoch("cpu", epoch(12.5, 4000));
        assertThat(registry.get("convlab.training.epoch").tag("device", "cpu").timer().count()).isEqualTo(1);
        assertThat(registry.get("convlab.training.images.per.second").tag("device", "cpu").summary().mean())
                .isEqualTo(4000.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -3})
    void anEpochWithoutASensibleTimeOrSpeedRecordsNothing(double value) {
        QueueMetrics metrics = new QueueMetrics(repository(List::of));
        metrics.bindTo(registry);
        metrics.epoch("gpu", epoch(value, value));
        assertThat(registry.find("convlab.training.epoch").timer()).isNull();
        assertThat(registry.find("convlab.training.images.per.second").summary()).isNull();
    }

    @Test
    void theWaitOfAStartedRunIsTimedAndANegativeOneIgnored() {
        QueueMetrics metrics = new QueueMetrics(repository(List::of));
        metrics.bindTo(registry);
        metrics.started("cpu", Duration.ofSeconds(30));
        metrics.started("cpu", Duration.ofSeconds(-5));
        metrics.started(null, Duration.ofSeconds(1));
        assertThat(registry.get("convlab.queue.wait").tag("device", "cpu").timer().count()).isEqualTo(1);
        assertThat(registry.get("convlab.queue.wait").tag("device", "any").timer().count()).isEqualTo(1);
    }
}
