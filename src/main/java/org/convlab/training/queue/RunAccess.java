package org.convlab.training.queue;

import org.convlab.i18n.Text;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convlab.account.AppUser;
import org.convlab.account.Role;
import org.convlab.account.CurrentUser;
import org.convlab.account.NotYours;
/**
 * Who may see and change a run: its owner; a teacher of a class the owner belongs to; an admin.
 * Every page, download and API call about a run asks here first.
 */
@Service
public class RunAccess {

    private final CurrentUser current;
    private final RunQueue queue;
    private final Teaching classes;

    public RunAccess(CurrentUser current, RunQueue queue, Teaching classes) {
        this.current = current;
        this.queue = queue;
        this.classes = classes;
    }

    /**
     * What the runs need to know of classes: whether a teacher teaches a learner. Training owns this
     * question and the classroom answers it, so training never depends on classroom.
     */
    public interface Teaching {
        boolean teaches(long teacherId, long learnerId);
    }

    /**
     * Thrown for a run that does not exist and for one the user may not see, alike (NotYours): a page
     * says so, the API answers 404.
     */
    /** Missing and someone else's alike, so an id reveals nothing ({@link NotYours#RUN} in English). */
    public static final class RunNotFoundException extends org.convlab.i18n.TextException {
        public RunNotFoundException() {
            super(org.convlab.i18n.Text.of("training.access.run-not-found"));
        }
    }

    /** A learner (or another teacher) asks to move a run forward: only the owner's teacher may. */
    public static final class OnlyTeacherException extends AccessDeniedException {
        private static final Text TEXT = Text.of("training.access.only-teacher");

        public OnlyTeacherException() {
            super(TEXT.toString());
        }

        /** The refusal, in the reader's language. */
        public Text text() {
            return TEXT;
        }
    }

    @Transactional(readOnly = true)
    public boolean canView(AppUser user, RunJob run) {
        return user.getId().equals(run.getOwnerId()) || user.isAdmin()
                || user.getRole() == Role.TEACHER && classes.teaches(user.getId(), run.getOwnerId());
    }

    /** Teachers (of the owner's class) and admins may reorder the queue. */
    @Transactional(readOnly = true)
    public boolean canReorder(AppUser user, RunJob run) {
        return user.isAdmin() || user.getRole() == Role.TEACHER && classes.teaches(user.getId(), run.getOwnerId());
    }

    public AppUser currentUser() {
        return current.require();
    }

    /** The run, if the signed-in user may see it; otherwise the same refusal as for a missing run. */
    public RunJob viewable(String id) {
        AppUser user = current.require();
        return queue.find(id).filter(run -> canView(user, run)).orElseThrow(RunNotFoundException::new);
    }

    public Optional<RunJob> viewableOrEmpty(String id) {
        try {
            return Optional.of(viewable(id));
        } catch (RunNotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /** Cancels a run the signed-in user may see. */
    public RunJob cancel(String id) {
        viewable(id);
        return queue.cancel(id).orElseThrow(RunNotFoundException::new);
    }

    /**
     * Moves a waiting run to the front; teachers of the owner's class and admins only. Someone who may
     * not even see the run gets the refusal of a missing run; its owner learns that only a teacher may.
     */
    public boolean moveToFront(String id) {
        AppUser user = current.require();
        RunJob run = viewable(id);
        if (!canReorder(user, run)) {
            throw new OnlyTeacherException();
        }
        return queue.moveToFront(id);
    }
}
