package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.convlab.base.ui.WhereYouLeftOff.Note;
import org.convlab.training.engine.RunState;
import org.convlab.training.queue.RunJob;
import org.junit.jupiter.api.Test;

/** What the home page says about a learner's latest run, and where its link goes. */
class LatestRunNoteTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static RunJob run(RunState state) {
        RunJob run = new RunJob("r-1", 7L, "keras-cnn 3", "{}", "{}", 10);
        run.setStatus(state);
        return run;
    }

    @Test
    void aFinishedRunSaysWhenAndOpensItsPage() {
        RunJob run = run(RunState.DONE);
        run.setFinishedAt(NOW.minusSeconds(150));
        Note note = LatestRunNote.note(run, NOW, ZoneOffset.UTC);
        assertThat(note.title()).isEqualTo("Your run \"keras-cnn 3\" finished 2 min ago");
        assertThat(note.route()).isEqualTo("runs/r-1");
    }

    @Test
    void aTrainingRunSaysWhichEpochAndOpensTheLiveDashboard() {
        RunJob run = run(RunState.RUNNING);
        run.setEpochsDone(2);
        Note note = LatestRunNote.note(run, NOW, ZoneOffset.UTC);
        assertThat(note.title()).isEqualTo("Your run \"keras-cnn 3\" is training, epoch 3 of 10");
        assertThat(note.route()).isEqualTo("train/live/r-1");
    }

    @Test
    void waitingFailedAndCancelledRunsSaySo() {
        assertThat(LatestRunNote.note(run(RunState.QUEUED), NOW, ZoneOffset.UTC).title()).endsWith("is waiting in the queue");
        RunJob failed = run(RunState.FAILED);
        failed.setFinishedAt(NOW.minusSeconds(30 * 3600));
        assertThat(LatestRunNote.note(failed, NOW, ZoneOffset.UTC).title()).endsWith("stopped with a problem yesterday");
        assertThat(LatestRunNote.note(run(RunState.CANCELLED), NOW, ZoneOffset.UTC).title()).endsWith("was cancelled");
    }
}
