package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convlab.base.ui.BrowserStorage;
import org.convlab.account.AppUser;
import org.convlab.classroom.AssignmentService;
import org.convlab.account.AppMode;
import org.convlab.account.CurrentUser;
import org.convlab.classroom.LearnerAssignment;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.lesson.progress.LessonProgressRecord;
import org.convlab.lesson.progress.ProgressService;
import org.convlab.lesson.ui.Lesson;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.engine.RunState;

/**
 * A learner's own dashboard: lessons done and quiz scores, their runs, their assignments and
 * grades, each linking to where the work is. A new learner gets a first step in each section.
 */
@Route("me")
@PermitAll
final class MyProgressView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.progress.title"));
    }


    final ProgressBar lessonBar = new ProgressBar();
    final Span lessonCount = new Span();
    final UnorderedList lessons = new UnorderedList();
    final UnorderedList runs = new UnorderedList();
    final UnorderedList assignments = new UnorderedList();
    private final Paragraph lessonHint = new Paragraph(t("classroom.progress.lesson-hint"));
    private final ProgressService progress;

    MyProgressView(CurrentUser current, ProgressService progress, RunQueue queue, AssignmentService assignmentService,
            AppMode mode) {
        this.progress = progress;
        AppUser me = current.require();
        addClassNames("page", "my-progress");
        // Personal mode's learner has no name to greet, and no class to set assignments.
        add(new H1(t("classroom.progress.title")), new Paragraph(mode.isPersonal() ? t("classroom.progress.intro")
                : t("classroom.progress.hello", me.getDisplayName())));

        lessons.addClassName("progress-lessons");
        lessonBar.getElement().setAttribute("aria-label", t("classroom.gradebook.lessons-done"));
        add(new H2(t("classroom.progress.lessons")), new Div(lessonBar, lessonCount), lessons, lessonHint);
        showLessons(progress.mine());

        List<RunJob> mine = queue.runsOf(me.getId());
        add(new H2(t("classroom.progress.runs")));
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(t("classroom.progress.no-runs") + " ");
            none.add(new Anchor("train", t("classroom.progress.no-runs.link")));
            add(none);
        }
        for (RunJob run : mine) {
            boolean finishedRun = run.getStatus() == RunState.DONE;
            String state = switch (run.getStatus()) {
                case DONE -> t("classroom.progress.run.done",
                        org.convlab.base.ui.I18n.percent(run.getTestAccuracy() == null ? 0 : run.getTestAccuracy(), 1));
                case QUEUED -> t("classroom.progress.run.queued");
                case RUNNING -> t("classroom.progress.run.running", Math.min(run.getEpochsDone() + 1, run.getEpochsTotal()),
                        run.getEpochsTotal());
                default -> run.getStatus().name().toLowerCase(Locale.ROOT);
            };
            runs.add(new ListItem(new Anchor(finishedRun ? "runs/" + run.getId() : "train/live/" + run.getId(), run.getName()),
                    new Span(" · " + state + " · " + ClassroomText.when(run.getSubmittedAt()))));
        }
        add(runs);

        if (mode.isPersonal()) {
            return;
        }
        List<LearnerAssignment> mineToDo = assignmentService.forLearner();
        add(new H2(t("classroom.progress.assignments")));
        if (mineToDo.isEmpty()) {
            add(new Paragraph(t("classroom.progress.no-assignments")));
        }
        for (LearnerAssignment a : mineToDo) {
            String grade = a.counted().map(s -> s.late() ? t("classroom.progress.grade-late", t(s.grade().summary()))
                    : t(s.grade().summary())).orElse(t("classroom.progress.not-handed-in"));
            ListItem item = new ListItem(new Anchor("classroom/assignments/" + a.assignment().id(), a.assignment().title()),
                    new Span(" · " + a.assignment().className() + " · " + ClassroomText.due(a.assignment().dueAt())
                            + " · " + grade));
            // The teacher's mark and comment on the submission that counts.
            a.counted().filter(SubmissionDetails::marked).ifPresent(s -> {
                Span feedback = new Span(" · " + WrittenCard.feedback(s));
                feedback.addClassName("teacher-feedback");
                item.add(feedback);
            });
            assignments.add(item);
        }
        add(assignments);
    }

    /** Guest progress still in this browser joins the account here too, as on the lesson index. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        BrowserStorage.take(this, ProgressService.BROWSER_KEY, json -> {
            if (progress.importFromBrowser(json, Arrays.stream(Lesson.values()).map(Lesson::slug).toList()) > 0) {
                showLessons(progress.mine());
            }
            return true;
        });
    }

    void showLessons(Map<String, LessonProgressRecord> done) {
        long finished = done.values().stream().filter(LessonProgressRecord::isDone).count();
        lessonBar.setValue((double) finished / Lesson.values().length);
        lessonCount.setText(t("classroom.progress.lessons-done", finished, Lesson.values().length));
        lessons.removeAll();
        for (Lesson lesson : Lesson.values()) {
            LessonProgressRecord row = done.get(lesson.slug());
            String state = row == null ? t("classroom.progress.lesson.not-started")
                    : t(row.isDone() ? "classroom.progress.lesson.done" : "classroom.progress.lesson.not-done", row.score(),
                            org.convlab.base.ui.I18n.count("classroom.progress.attempts", row.getAttempts()));
            ListItem item = new ListItem(new Anchor(lesson.route(), lesson.number() + ". " + lesson.title()),
                    new Span(" · " + state));
            item.getElement().setAttribute("data-slug", lesson.slug());
            if (row != null && row.isDone()) {
                item.addClassName("done");
            }
            lessons.add(item);
        }
        lessonHint.setVisible(finished == 0);
    }
}
