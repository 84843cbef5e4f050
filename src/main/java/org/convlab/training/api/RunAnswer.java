package org.convlab.training.api;

import java.time.Instant;
import java.util.OptionalDouble;
import org.convlab.training.queue.RunJob;
import org.convlab.web.ApiLanguage;
import org.convlab.training.queue.RunQueue;

/**
 * A run as the API shows it. {@code estimatedSeconds} is how long it trains in all on this server
 * (null while the server's speed is being measured); {@code ahead} and {@code waitSeconds} (the
 * same as {@code estimatedWaitSeconds}) only while it waits. {@code problem} is written in the
 * request's language (Accept-Language; English without it).
 */
record RunAnswer(String id, String name, String status, int epochsDone, int epochs, Double testAccuracy,
        String device, String worker, int resumes, Instant submittedAt, Instant startedAt, Instant finishedAt,
        String problem, Integer ahead, Long waitSeconds, Long estimatedWaitSeconds, Long estimatedSeconds) {

    static RunAnswer of(RunJob job, RunQueue.Place place) {
        return of(job, place, OptionalDouble.empty());
    }

    static RunAnswer of(RunJob job, RunQueue.Place place, OptionalDouble estimatedSeconds) {
        Long wait = place == null || place.estimatedWait() == null ? null : place.estimatedWait().toSeconds();
        return new RunAnswer(job.getId(), job.getName(), job.getStatus().name().toLowerCase(), job.getEpochsDone(),
                job.getEpochsTotal(), job.getTestAccuracy(), job.getDevice(), job.getWorker(), job.getResumes(),
                job.getSubmittedAt(), job.getStartedAt(), job.getFinishedAt(),
                job.getProblemText() == null ? null : job.getProblemText().in(ApiLanguage.current()),
                place == null ? null : place.ahead(), wait, wait,
                estimatedSeconds.isPresent() ? Math.round(estimatedSeconds.getAsDouble()) : null);
    }
}
