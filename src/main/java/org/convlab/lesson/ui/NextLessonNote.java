package org.convlab.lesson.ui;

import java.util.Map;
import java.util.Optional;
import org.convlab.base.ui.I18n;
import org.convlab.base.ui.WhereYouLeftOff;
import org.convlab.lesson.progress.ProgressService;
import org.springframework.stereotype.Component;

/**
 * For the home page: the next lesson a returning learner has not done yet (its quiz answered without
 * a mistake). Nothing for a guest, for a learner who has not started, or once every lesson is done.
 */
@Component
class NextLessonNote implements WhereYouLeftOff {

    private final ProgressService progress;

    NextLessonNote(ProgressService progress) {
        this.progress = progress;
    }

    @Override
    public Optional<Note> forCurrentUser() {
        return next(LessonProgress.fromAccount(progress)).map(lesson -> new Note(
                I18n.t("lesson.next.title", lesson.number(), lesson.title()), lesson.summary(), lesson.route(),
                I18n.t("lesson.next.continue")));
    }

    /** The first lesson in order that is not done, once the learner has begun. */
    static Optional<Lesson> next(Map<Lesson, LessonProgress.Entry> done) {
        if (done.isEmpty()) {
            return Optional.empty();
        }
        for (Lesson lesson : Lesson.values()) {
            LessonProgress.Entry entry = done.get(lesson);
            if (entry == null || !entry.done()) {
                return Optional.of(lesson);
            }
        }
        return Optional.empty();
    }
}
