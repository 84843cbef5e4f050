package org.convlab.training.queue;

import org.convlab.i18n.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunState;
import org.convlab.model.ModelSpecJson;
import java.nio.file.Path;
/**
 * A training run as stored: the job in the queue, its live progress and, once finished, its
 * metrics. The spec, settings, progress and history are kept as JSON in the formats the rest of
 * the training package already writes (ModelSpecJson, RunRecord); the weights stay in {@code dir}.
 */
@Entity
@Table(name = "training_run")
public class RunJob {

    /**
     * The grid kind of a run a lesson trains: such a run has no grid id, and its grid label is the
     * lesson's slug. The grid columns are reused so that no migration is needed (docs/decisions/020).
     */
    public static final String LESSON_KIND = "LESSON";

    /**
     * The grid kind of a run uploaded as a zip (RunUploads): no grid id, so it lists as a plain
     * finished run; the kind lets the per-learner cap on uploads count them without a migration.
     */
    public static final String UPLOAD_KIND = "UPLOAD";
    private static final String UPLOADED = " (uploaded)";

    @Id
    @Column(length = 120)
    private String id;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunState status = RunState.QUEUED;

    @Column(name = "spec_json", nullable = false)
    private String specJson;

    @Column(name = "hyperparameters_json", nullable = false)
    private String hyperparametersJson;

    private String device;
    private String worker;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "epochs_done", nullable = false)
    private int epochsDone;

    @Column(name = "epochs_total", nullable = false)
    private int epochsTotal;

    @Column(name = "progress_json")
    private String progressJson;

    @Column(name = "history_json")
    private String historyJson;

    @Column(name = "metrics_json")
    private String metricsJson;

    @Column(name = "test_accuracy")
    private Double testAccuracy;

    private Long params;

    @Column(name = "train_seconds")
    private Double trainSeconds;

    @Column(name = "stop_reason", length = 60)
    private String stopReason;

    @Column(length = 2000)
    private String problem;

    @Column(length = 500)
    private String dir;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(nullable = false)
    private int resumes;

    /** Interruptions in a row with no epoch finished in between (see RunJobStore#claim). */
    @Column(name = "stalled_resumes", nullable = false)
    private int stalledResumes;

    /** Turns this run has had on a worker (time slicing); 0 until it first starts. */
    @Column(nullable = false)
    private int turns;

    @Column(name = "grid_id", length = 120)
    private String gridId;

    @Column(name = "grid_label", length = 200)
    private String gridLabel;

    @Column(name = "grid_kind", length = 60)
    private String gridKind;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RunJob() {}

    public RunJob(String id, Long ownerId, String name, String specJson, String hyperparametersJson, int epochsTotal) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.specJson = specJson;
        this.hyperparametersJson = hyperparametersJson;
        this.epochsTotal = epochsTotal;
        this.submittedAt = Instant.now();
        this.queuedAt = submittedAt;
        this.updatedAt = submittedAt;
    }

    /** A run that finished elsewhere (a folder written by the train command), as a stored run. */
    public static RunJob finished(String id, Long ownerId, RunRecord record, Path dir) {
        String name = record.spec().name() == null ? "model" : record.spec().name();
        RunJob job = new RunJob(id, ownerId, name, ModelSpecJson.write(record.spec()),
                RunJson.write(record.hyperparameters()), record.hyperparameters().epochs());
        Instant created = Instant.parse(record.createdAt());
        job.submittedAt = created;
        job.queuedAt = created;
        job.startedAt = created;
        job.finishedAt = created;
        job.status = RunState.DONE;
        job.epochsDone = record.history().size();
        job.historyJson = RunJson.write(record.history());
        job.metricsJson = RunJson.write(record.metrics());
        job.testAccuracy = record.metrics().testAccuracy();
        job.params = record.params();
        job.trainSeconds = record.trainSeconds();
        job.stopReason = record.stopReason();
        job.device = record.device();
        job.dir = dir.toAbsolutePath().normalize().toString();
        return job;
    }

    /** A run uploaded as a zip: finished, kept as it was trained, named "<name> (uploaded)". */
    public static RunJob uploaded(String id, Long ownerId, RunRecord record, Path dir) {
        RunJob job = finished(id, ownerId, record, dir);
        job.name = job.name.substring(0, Math.min(job.name.length(), 120 - UPLOADED.length())) + UPLOADED;
        job.gridKind = UPLOAD_KIND;
        // Listed among the learner's runs as of now; run.json keeps when it was trained.
        job.submittedAt = Instant.now();
        job.queuedAt = job.submittedAt;
        return job;
    }

    public String getId() { return id; }
    public Long getOwnerId() { return ownerId; }
    public String getName() { return name; }
    public RunState getStatus() { return status; }
    public void setStatus(RunState status) { this.status = status; touch(); }
    public String getSpecJson() { return specJson; }
    public String getHyperparametersJson() { return hyperparametersJson; }
    public String getDevice() { return device; }
    public void setDevice(String device) { this.device = device; }
    public String getWorker() { return worker; }
    public void setWorker(String worker) { this.worker = worker; }
    public Instant getQueuedAt() { return queuedAt; }
    public void setQueuedAt(Instant queuedAt) { this.queuedAt = queuedAt; touch(); }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public int getEpochsDone() { return epochsDone; }
    public void setEpochsDone(int epochsDone) { this.epochsDone = epochsDone; }
    public int getEpochsTotal() { return epochsTotal; }
    public String getProgressJson() { return progressJson; }
    public void setProgressJson(String progressJson) { this.progressJson = progressJson; touch(); }
    public String getHistoryJson() { return historyJson; }
    public void setHistoryJson(String historyJson) { this.historyJson = historyJson; }
    public String getMetricsJson() { return metricsJson; }
    public void setMetricsJson(String metricsJson) { this.metricsJson = metricsJson; }
    public Double getTestAccuracy() { return testAccuracy; }
    public void setTestAccuracy(Double testAccuracy) { this.testAccuracy = testAccuracy; }
    public Long getParams() { return params; }
    public void setParams(Long params) { this.params = params; }
    public Double getTrainSeconds() { return trainSeconds; }
    public void setTrainSeconds(Double trainSeconds) { this.trainSeconds = trainSeconds; }
    public String getStopReason() { return stopReason; }
    public void setStopReason(String stopReason) { this.stopReason = stopReason; }
    /** Why the run failed, in English (logs, tests); null unless it failed. */
    public String getProblem() { return problem == null ? null : StoredText.read(problem).toString(); }
    /** Why the run failed, in each reader's language; null unless it failed. */
    public Text getProblemText() { return StoredText.read(problem); }
    /** The problem as stored ({@link StoredText}), for the run's stored progress. */
    String getStoredProblem() { return problem; }
    /** A problem stored as it is: an older run's English sentence, shown word for word. */
    public void setProblem(String problem) { this.problem = problem == null || problem.length() <= 2000 ? problem : problem.substring(0, 2000); }
    public void setProblem(Text problem) { setProblem(StoredText.write(problem)); }
    public String getDir() { return dir; }
    public void setDir(String dir) { this.dir = dir; }
    public boolean isCancelRequested() { return cancelRequested; }
    public void setCancelRequested(boolean cancelRequested) { this.cancelRequested = cancelRequested; touch(); }
    public int getResumes() { return resumes; }
    public void setResumes(int resumes) { this.resumes = resumes; }
    public int getStalledResumes() { return stalledResumes; }
    public void setStalledResumes(int stalledResumes) { this.stalledResumes = stalledResumes; }
    public int getTurns() { return turns; }
    public void setTurns(int turns) { this.turns = turns; }
    /** Had a turn and waits for the next: paused for other learners' turns. */
    public boolean isPaused() { return status == RunState.QUEUED && turns > 0; }
    public String getGridId() { return gridId; }
    public String getGridLabel() { return gridLabel; }
    public String getGridKind() { return gridKind; }
    /** A run a lesson trained (its grid label names the lesson): not one of the learner's own runs. */
    public boolean isLessonRun() { return gridId == null && LESSON_KIND.equals(gridKind); }
    public void setGrid(String gridId, String gridKind, String gridLabel) {
        this.gridId = gridId;
        this.gridKind = gridKind;
        this.gridLabel = gridLabel;
    }
    public Instant getUpdatedAt() { return updatedAt; }

    public void touch() { this.updatedAt = Instant.now(); }
}
