package org.convlab.training.queue;

import java.time.Instant;
import org.convlab.i18n.Text;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunState;
/**
 * The queue's state changes, each one transaction. Claiming a run locks its owner's account row
 * first, so two workers can never both start runs for the same learner.
 */
@Component
public class RunJobStore {

    /** The outcome of a worker asking to start a run. */
    public sealed interface Claim {
        /**
         * Start it (or its next turn); {@code resumedAt} is its last completed epoch, {@code interrupted}
         * whether its last turn was cut off (its worker died) rather than paused or never begun.
         */
        record Run(RunJob job, int resumedAt, boolean interrupted) implements Claim {}
        /** Not now: the owner already has a run training, or the device is full. */
        record Wait(String reason) implements Claim {}
        /** Nothing to do: cancelled, finished or deleted. */
        record Gone() implements Claim {}
    }

    /**
     * A run whose server died this many times in a row before it finished another epoch is not
     * resumed again: it is what kills the server (a crash loop), or it cannot make progress.
     */
    static final int MAX_STALLED_RESUMES = 3;

    private final RunJobRepository runs;
    private final JdbcTemplate jdbc;

    public RunJobStore(RunJobRepository runs, JdbcTemplate jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    /**
     * Whether another run is due before this one and nobody has picked it yet. db-scheduler fetches
     * a few due runs ahead of time, so a run a teacher moved to the front after that fetch would
     * otherwise lose its place to one fetched before it; the worker lets it go first instead.
     */
    @Transactional(readOnly = true)
    public boolean runWaitingAhead(String id, Instant due) {
        Integer ahead = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and picked = ?"
                + " and execution_time < ? and task_instance <> ?", Integer.class, RunJobExecutor.TASK, false,
                java.sql.Timestamp.from(due), id);
        return ahead != null && ahead > 0;
    }

    @Transactional
    public RunJob create(RunJob job) {
        return runs.save(job);
    }

    @Transactional
    public Claim claim(String id, String worker, int maxRunningPerOwner, int maxRunningPerDevice, String device) {
        RunJob job = runs.findById(id).orElse(null);
        if (job == null || job.getStatus().finished()) {
            return new Claim.Gone();
        }
        runs.lockOwner(job.getOwnerId());
        if (job.isCancelRequested()) {
            finishCancelled(job);
            return new Claim.Gone();
        }
        // A run that is RUNNING here was cut off: db-scheduler only hands it out again once its
        // previous worker stopped sending heartbeats.
        boolean interrupted = job.getStatus() == RunState.RUNNING || job.getStatus() == RunState.EVALUATING;
        if (!interrupted) {
            long ownerRunning = runs.findByOwnerIdAndStatusIn(job.getOwnerId(), ACTIVE).size();
            if (maxRunningPerOwner > 0 && ownerRunning >= maxRunningPerOwner) {
                return new Claim.Wait("waiting for your other run to finish");
            }
            if (maxRunningPerDevice > 0 && runs.countByStatusInAndDevice(ACTIVE, device) >= maxRunningPerDevice) {
                return new Claim.Wait("waiting for a free slot on " + device);
            }
        }
        int resumedAt = job.getEpochsDone();
        if (interrupted) {
            job.setResumes(job.getResumes() + 1);
            job.setStalledResumes(job.getStalledResumes() + 1);
            if (job.getStalledResumes() >= MAX_STALLED_RESUMES) {
                job.setStatus(RunState.FAILED);
                job.setProblem(Text.of("training.stored.stalled", (long) job.getStalledResumes()));
                job.setFinishedAt(Instant.now());
                runs.save(job);
                return new Claim.Gone();
            }
        }
        job.setStatus(RunState.RUNNING);
        job.setWorker(worker);
        job.setDevice(device);
        job.setTurns(job.getTurns() + 1);
        if (job.getStartedAt() == null) {
            job.setStartedAt(Instant.now());
        }
        return new Claim.Run(runs.save(job), resumedAt, interrupted);
    }

    static final List<RunState> ACTIVE = List.of(RunState.RUNNING, RunState.EVALUATING);

    /** Stores the latest progress; returns whether the learner asked to cancel meanwhile. */
    @Transactional
    public boolean progress(String id, LiveRun.Snapshot snapshot) {
        RunJob job = runs.findById(id).orElse(null);
        if (job == null) {
            return true;
        }
        if (!job.getStatus().finished()) {
            job.setStatus(snapshot.state() == RunState.EVALUATING ? RunState.EVALUATING : RunState.RUNNING);
        }
        job.setProgressJson(RunJson.write(snapshot));
        if (snapshot.epochs().size() > job.getEpochsDone()) {
            job.setStalledResumes(0);
        }
        job.setEpochsDone(snapshot.epochs().size());
        job.setHistoryJson(RunJson.write(snapshot.epochs()));
        if (snapshot.start() != null) {
            job.setDevice(snapshot.start().device());
            job.setParams(snapshot.start().params());
        }
        return job.isCancelRequested();
    }

    /** Records how a run ended, from the run folder it saved (when it got that far). */
    @Transactional
    public void finish(String id, LiveRun run, RunRecord record) {
        RunJob job = runs.findById(id).orElseThrow();
        LiveRun.Snapshot snapshot = run.snapshot();
        job.setProgressJson(RunJson.write(snapshot));
        job.setEpochsDone(snapshot.epochs().size());
        job.setHistoryJson(RunJson.write(snapshot.epochs()));
        job.setFinishedAt(Instant.now());
        switch (run.state()) {
            case DONE -> {
                job.setStatus(RunState.DONE);
                job.setDir(run.savedTo().toAbsolutePath().normalize().toString());
                job.setTestAccuracy(run.testAccuracy());
                if (record != null) {
                    job.setMetricsJson(RunJson.write(record.metrics()));
                    job.setHistoryJson(RunJson.write(record.history()));
                    job.setParams(record.params());
                    job.setTrainSeconds(record.trainSeconds());
                    job.setStopReason(record.stopReason());
                    job.setDevice(record.device());
                }
            }
            case FAILED -> {
                job.setStatus(RunState.FAILED);
                job.setProblem(run.problemText());
            }
            default -> job.setStatus(RunState.CANCELLED);
        }
        runs.save(job);
    }

    /**
     * Whether a learner other than {@code ownerId} has a run waiting that could start now (due, and
     * its owner has no run training): then a run that has had its slice gives its worker back.
     */
    @Transactional(readOnly = true)
    public boolean othersWaiting(long ownerId, Instant now) {
        Integer waiting = jdbc.queryForObject("select count(*) from training_run w where w.status = 'QUEUED'"
                + " and w.cancel_requested = false and w.owner_id <> ? and w.queued_at <= ?"
                + " and not exists (select 1 from training_run r where r.owner_id = w.owner_id"
                + " and r.status in ('RUNNING', 'EVALUATING'))", Integer.class, ownerId, java.sql.Timestamp.from(now));
        return waiting != null && waiting > 0;
    }

    /**
     * A run gave its worker back after its slice: it waits again, at the back of the line (round-robin),
     * with the progress it made; it resumes from its checkpoint. Returns its new place in the order,
     * or empty when it was cancelled meanwhile.
     */
    @Transactional
    public Optional<Instant> pause(String id, LiveRun.Snapshot snapshot, Instant now) {
        RunJob job = runs.findById(id).orElse(null);
        if (job == null || job.getStatus().finished()) {
            return Optional.empty();
        }
        job.setProgressJson(RunJson.write(snapshot));
        job.setEpochsDone(snapshot.epochs().size());
        job.setHistoryJson(RunJson.write(snapshot.epochs()));
        if (job.isCancelRequested()) {
            finishCancelled(job);
            return Optional.empty();
        }
        // A paused run made progress: it is not a crash loop.
        job.setStalledResumes(0);
        job.setStatus(RunState.QUEUED);
        job.setWorker(null);
        job.setQueuedAt(now);
        runs.save(job);
        return Optional.of(now);
    }

    /** Puts an interrupted run back in the queue (the server is stopping); it resumes from its checkpoint. */
    @Transactional
    public void requeue(String id) {
        runs.findById(id).ifPresent(job -> {
            if (!job.getStatus().finished()) {
                job.setStatus(RunState.QUEUED);
                job.setResumes(job.getResumes() + 1);
                job.setWorker(null);
                runs.save(job);
            }
        });
    }

    /**
     * Training finished but the run could not be saved: it waits in the queue, its checkpoint kept,
     * and is saved when its turn comes again (ConvLab tries once a minute).
     */
    @Transactional
    public void retryLater(String id, LiveRun run, Instant when) {
        runs.findById(id).ifPresent(job -> {
            if (!job.getStatus().finished()) {
                job.setProgressJson(RunJson.write(run.snapshot()));
                job.setStatus(RunState.QUEUED);
                job.setWorker(null);
                job.setQueuedAt(when);
                runs.save(job);
            }
        });
    }

    @Transactional
    public void fail(String id, Text problem) {
        runs.findById(id).ifPresent(job -> {
            job.setStatus(RunState.FAILED);
            job.setProblem(problem);
            job.setFinishedAt(Instant.now());
            runs.save(job);
        });
    }

    /**
     * Marks a run cancelled. A queued run ends at once; a running one is flagged, and its worker stops
     * it within a second or two. Returns the run as it now stands.
     */
    @Transactional
    public Optional<RunJob> requestCancel(String id) {
        return runs.findById(id).map(job -> {
            if (job.getStatus().finished()) {
                return job;
            }
            job.setCancelRequested(true);
            if (job.getStatus() == RunState.QUEUED) {
                finishCancelled(job);
            }
            return runs.save(job);
        });
    }

    private void finishCancelled(RunJob job) {
        job.setStatus(RunState.CANCELLED);
        job.setFinishedAt(Instant.now());
        runs.save(job);
    }

    /** Moves a queued run ahead of every other waiting run; returns its new place in the order. */
    @Transactional
    public Optional<Instant> moveToFront(String id) {
        RunJob job = runs.findById(id).orElse(null);
        if (job == null || job.getStatus() != RunState.QUEUED) {
            return Optional.empty();
        }
        Instant first = runs.findByStatusInOrderByQueuedAtAsc(List.of(RunState.QUEUED)).stream()
                .map(RunJob::getQueuedAt).findFirst().orElse(job.getQueuedAt());
        Instant front = first.minusMillis(1);
        job.setQueuedAt(front);
        runs.save(job);
        return Optional.of(front);
    }

    /**
     * Fair turns: when one of a learner's runs starts, their other waiting runs go to the back of
     * the line, behind everyone who is waiting now. Returns the runs moved and their new time.
     */
    @Transactional
    public List<RunJob> sendOthersToBack(RunJob started, Instant now) {
        List<RunJob> others = runs.findByOwnerIdAndStatusIn(started.getOwnerId(), List.of(RunState.QUEUED)).stream()
                .filter(o -> !o.getId().equals(started.getId()))
                .toList();
        for (int i = 0; i < others.size(); i++) {
            others.get(i).setQueuedAt(now.plusMillis(i));
        }
        return runs.saveAll(others);
    }
}
