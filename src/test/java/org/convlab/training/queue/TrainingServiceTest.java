package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.convlab.dataset.DatasetService;
import org.convlab.model.InvalidModelException;
import org.convlab.model.Layer;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.Presets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunState;
class TrainingServiceTest {

    @TempDir
    Path runs;

    private TrainingService service;

    @BeforeEach
    void start() {
        service = new TrainingService(runs, ModelLimits.DEFAULT, new DatasetService(DatasetService.defaultFolder()));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static Hyperparameters small(int epochs) {
        return Hyperparameters.defaults().withEpochs(epochs).withLimit(1_000).withValidationSplit(0.2);
    }

    private static void await(LiveRun run, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!run.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aRunIsWatchedLiveThenSavedAndListed() throws InterruptedException {
        LiveRun run = service.submit(Presets.get("dense"), small(2));
        List<RunState> seen = new CopyOnWriteArrayList<>();
        run.subscribe(r -> {
            if (seen.isEmpty() || seen.getLast() != r.state()) {
                seen.add(r.state());
            }
        });
        await(run, Duration.ofMinutes(2));

        assertThat(run.state()).as(run.problem()).isEqualTo(RunState.DONE);
        assertThat(seen).contains(RunState.RUNNING, RunState.EVALUATING, RunState.DONE);
        assertThat(run.start().device()).isNotBlank();
        assertThat(run.epochs()).hasSize(2);
        assertThat(run.batchPoints()).isNotEmpty();
        assertThat(run.batchPoints().getLast().epoch()).isEqualTo(2.0);
        assertThat(run.testAccuracy()).isGreaterThan(0.5);
        assertThat(service.savedRuns()).singleElement().satisfies(saved -> {
            assertThat(saved.id()).isEqualTo(run.id());
            assertThat(saved.record().metrics().testAccuracy()).isEqualTo(run.testAccuracy());
        });
    }

    @Test
    void aHiddenFolderIsAnUploadOrSaveUnderWayAndNeverListed() throws java.io.IOException {
        for (String name : List.of("visible-run", ".upload-1234abcd")) {
            java.nio.file.Files.createDirectories(runs.resolve(name));
            try (var files = java.nio.file.Files.list(org.convlab.training.engine.UploadFixtures.run())) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.copy(f, runs.resolve(name).resolve(f.getFileName()));
                }
            }
        }
        assertThat(service.savedRuns()).extracting(TrainingService.SavedRun::id).containsExactly("visible-run");
    }

    @Test
    void cancellingStopsTheRunWithinASecondAndSavesNothing() throws InterruptedException {
        LiveRun run = service.submit(Presets.get("dense"), small(50));
        List<LiveRun> batches = new CopyOnWriteArrayList<>();
        run.subscribe(r -> {
            if (r.latest() != null) {
                batches.add(r);
            }
        });
        while (batches.isEmpty() && !run.finished()) {
            Thread.sleep(20);
        }
        long cancelledAt = System.nanoTime();
        run.cancel();
        await(run, Duration.ofSeconds(10));
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(service.savedRuns()).isEmpty();
    }

    @Test
    void anImpossibleModelIsRefusedBeforeAnythingIsQueued() {
        ModelSpec broken = new ModelSpec("broken", List.of(new Layer.Dense(10, null)));
        assertThatThrownBy(() -> service.submit(broken, small(1)))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("flatten");
        assertThat(service.liveRuns()).isEmpty();
    }
}
