package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.convlab.account.CurrentUser;
import org.convlab.base.ui.I18n;
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
        String name = run.getName();
        // The time goes where each language puts it ("ist vor 2 Min. fertig geworden"): its own key.
        String when = run.getFinishedAt() == null ? null : RelativeTime.ago(run.getFinishedAt(), now, zone, I18n.locale());
        return switch (run.getStatus()) {
            case QUEUED -> new Note(t("training.latest.queued", name), t("training.latest.queued-text"), live(run),
                    t("training.latest.watch"));
            case RUNNING -> new Note(t("training.latest.running", name, Math.min(run.getEpochsDone() + 1,
                    run.getEpochsTotal()), run.getEpochsTotal()), t("training.latest.running-text"), live(run),
                    t("training.latest.watch"));
            case EVALUATING -> new Note(t("training.latest.evaluating", name), t("training.latest.evaluating-text"),
                    live(run), t("training.latest.watch"));
            case DONE -> new Note(ended(name, when, "training.latest.done", "training.latest.done-when"), t("training.latest.done-text"),
                    "runs/" + run.getId(), t("training.latest.look-inside"));
            case FAILED -> new Note(ended(name, when, "training.latest.failed", "training.latest.failed-when"), t("training.latest.failed-text"), live(run),
                    t("training.latest.see-why"));
            case CANCELLED -> new Note(ended(name, when, "training.latest.cancelled", "training.latest.cancelled-when"), t("training.latest.cancelled-text"),
                    "train", t("training.latest.train"));
        };
    }

    private static String ended(String name, String when, String withoutTime, String withTime) {
        return when == null ? t(withoutTime, name) : t(withTime, name, when);
    }

    private static String live(RunJob run) {
        return "train/live/" + run.getId();
    }
}
