package org.convlab.training.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.convlab.account.CurrentUser;
import org.convlab.base.ui.RelativeTime;
import org.convlab.base.ui.WhereYouLeftOff;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.springframework.stereotype.Component;

/** For the home page: the learner's latest run, how it stands, and a link to it. */
@Component
class LatestRunNote implements WhereYouLeftOff {

    private final RunQueue queue;
    private final CurrentUser current;

    LatestRunNote(RunQueue queue, CurrentUser current) {
        this.queue = queue;
        this.current = current;
    }

    @Override
    public Optional<Note> forCurrentUser() {
        return current.get().flatMap(user -> queue.runsOf(user.getId()).stream().findFirst())
                .map(run -> note(run, Instant.now(), ZoneId.systemDefault()));
    }

    /** "Your run "keras-cnn 3" finished 2 min ago", "… is training, epoch 3 of 10", and where to look. */
    static Note note(RunJob run, Instant now, ZoneId zone) {
        String name = "Your run \"" + run.getName() + "\" ";
        String when = run.getFinishedAt() == null ? "" : " " + RelativeTime.ago(run.getFinishedAt(), now, zone);
        return switch (run.getStatus()) {
            case QUEUED -> new Note(name + "is waiting in the queue",
                    "It starts when a place on the machine is free.", live(run), "Watch it");
            case RUNNING -> new Note(name + "is training, epoch " + Math.min(run.getEpochsDone() + 1,
                    run.getEpochsTotal()) + " of " + run.getEpochsTotal(),
                    "Follow its loss and accuracy live.", live(run), "Watch it");
            case EVALUATING -> new Note(name + "is being measured on the test images",
                    "Its scores are ready in a moment.", live(run), "Watch it");
            case DONE -> new Note(name + "finished" + when,
                    "See its confusion matrix, filters and the images it gets wrong.", "runs/" + run.getId(),
                    "Look inside");
            case FAILED -> new Note(name + "stopped with a problem" + when,
                    "Its page says what went wrong.", live(run), "See why");
            case CANCELLED -> new Note(name + "was cancelled" + when,
                    "Train another when you are ready.", "train", "Train");
        };
    }

    private static String live(RunJob run) {
        return "train/live/" + run.getId();
    }
}
