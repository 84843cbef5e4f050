package org.convlab.training.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.DistributionSummary;
import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.engine.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The queue's figures for whoever runs the server (README, Operations), as Micrometer meters:
 * {@code convlab.queue.waiting} and {@code convlab.queue.training} per device, and the timer
 * {@code convlab.queue.wait} (from submitted to started), and per finished epoch the timer
 * {@code convlab.training.epoch} and the summary {@code convlab.training.images.per.second}. The counts come from the queue's table,
 * one grouped query at most every {@link #FRESH} however often the meters are read.
 */
@Component
public class QueueMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);
    static final Duration FRESH = Duration.ofSeconds(5);
    /** Device tags: a waiting run has none until a worker claims it ("any"). */
    static final List<String> DEVICES = List.of("cpu", "gpu", "any");

    /** How many runs wait and train, per device. */
    public record Counts(Map<String, Long> waiting, Map<String, Long> training) {
        public long waitingTotal() {
            return waiting.values().stream().mapToLong(Long::longValue).sum();
        }

        public long trainingTotal() {
            return training.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final RunJobRepository runs;
    private final Supplier<Instant> clock;
    private MeterRegistry registry;
    private Counts counts;
    private Instant countedAt = Instant.MIN;

    @Autowired
    public QueueMetrics(RunJobRepository runs) {
        this(runs, Instant::now);
    }

    QueueMetrics(RunJobRepository runs, Supplier<Instant> clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String device : DEVICES) {
            Gauge.builder("convlab.queue.waiting", () -> counts().waiting().getOrDefault(device, 0L))
                    .tag("device", device).description("Runs waiting for a worker").register(registry);
            Gauge.builder("convlab.queue.training", () -> counts().training().getOrDefault(device, 0L))
                    .tag("device", device).description("Runs training or being evaluated").register(registry);
        }
    }

    /** The latest counts, read again when older than {@link #FRESH}; the last ones if the database cannot answer. */
    public synchronized Counts counts() {
        Instant now = clock.get();
        if (counts == null || Duration.between(countedAt, now).compareTo(FRESH) >= 0) {
            try {
                counts = new Counts(count(List.of(RunState.QUEUED)), count(RunJobStore.ACTIVE));
            } catch (RuntimeException e) {
                log.debug("Queue figures not read: {}", e.getMessage());
                if (counts == null) {
                    counts = new Counts(Map.of(), Map.of());
                }
            }
            countedAt = now;
        }
        return counts;
    }

    private Map<String, Long> count(List<RunState> states) {
        return runs.countByDevice(states).stream().collect(Collectors.toMap(
                row -> row[0] == null ? "any" : row[0].toString(), row -> ((Number) row[1]).longValue(), Long::sum));
    }

    /** A run started for the first time after waiting this long. */
    void started(String device, Duration waited) {
        if (registry == null || waited.isNegative()) {
            return;
        }
        Timer.builder("convlab.queue.wait").tag("device", device == null ? "any" : device)
                .description("Time from a run's submission to its start").register(registry).record(waited);
    }

    /** A run's turn on a worker ended (it paused for others, or finished) after this long. */
    void slice(String device, Duration length) {
        if (registry == null || length.isNegative()) {
            return;
        }
        Timer.builder("convlab.queue.slice").tag("device", device == null ? "any" : device)
                .description("Time a run held a worker in one turn (time slicing)").register(registry).record(length);
    }

    /**
     * Records each epoch {@code run} finishes after {@code resumedAt} (a resumed run's earlier epochs
     * were counted before); run the returned action to stop.
     */
    Runnable countEpochs(LiveRun run, String device, int resumedAt) {
        AtomicInteger last = new AtomicInteger(resumedAt);
        return run.subscribe(changed -> {
            for (EpochReport report : changed.epochs()) {
                if (report.epoch() > last.get()) {
                    last.set(report.epoch());
                    epoch(device, report);
                }
            }
        });
    }

    void epoch(String device, EpochReport report) {
        if (registry == null) {
            return;
        }
        if (report.seconds() > 0 && Double.isFinite(report.seconds())) {
            Timer.builder("convlab.training.epoch").tag("device", device)
                    .description("Time of one epoch: training and validation").register(registry)
                    .record(Duration.ofNanos((long) (report.seconds() * 1e9)));
        }
        if (report.imagesPerSecond() > 0 && Double.isFinite(report.imagesPerSecond())) {
            DistributionSummary.builder("convlab.training.images.per.second").tag("device", device)
                    .baseUnit("images/s").description("Training images per second of each finished epoch")
                    .register(registry).record(report.imagesPerSecond());
        }
    }
}
