package org.convlab.training.api;

import java.time.Instant;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;

/** A run as the API shows it. {@code ahead} and {@code waitSeconds} only while it waits. */
record RunAnswer(String id, String name, String status, int epochsDone, int epochs, Double testAccuracy,
        String device, String worker, int resumes, Instant submittedAt, Instant startedAt, Instant finishedAt,
        String problem, Integer ahead, Long waitSeconds) {

    static RunAnswer of(RunJob job, RunQueue.Place place) {
        return new RunAnswer(job.getId(), job.getName(), job.getStatus().name().toLowerCase(), job.getEpochsDone(),
                job.getEpochsTotal(), job.getTestAccuracy(), job.getDevice(), job.getWorker(), job.getResumes(),
                job.getSubmittedAt(), job.getStartedAt(), job.getFinishedAt(), job.getProblem(),
                place == null ? null : place.ahead(), place == null ? null : place.estimatedWait().toSeconds());
    }
}
