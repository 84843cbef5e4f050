package org.convlab.lesson.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.EnumMap;
import java.util.Map;
import org.convlab.base.ui.I18n;

/** The lessons in order, each with the learner's progress, read from the browser once the page is shown. */
@AnonymousAllowed
@Route("learn")
final class LearnView extends Main implements HasDynamicTitle {

    final Paragraph summary = new Paragraph();
    private final Map<Lesson, Span> badges = new EnumMap<>(Lesson.class);
    /** Where the progress shown is kept: the account once someone is signed in, else this browser. */
    private boolean inAccount;

    LearnView() {
        addClassNames("page", "lesson-index");
        Paragraph intro = new Paragraph(I18n.t("lesson.index.intro"));
        intro.addClassName("lead");
        summary.addClassName("lesson-progress-summary");
        summary.getElement().setAttribute("role", "status");
        OrderedList list = new OrderedList();
        list.addClassName("lesson-list");
        for (Lesson lesson : Lesson.values()) {
            Span number = new Span(String.valueOf(lesson.number()));
            number.addClassName("step-number");
            Span badge = new Span();
            badge.addClassName("lesson-badge");
            badges.put(lesson, badge);
            Anchor title = new Anchor(lesson.route(), lesson.title());
            Div text = new Div(new H2(title), new Paragraph(lesson.summary()));
            ListItem item = new ListItem(number, text, badge);
            item.addClassName("lesson-card");
            item.getElement().setAttribute("data-slug", lesson.slug());
            list.add(item);
        }
        add(new H1(I18n.t("lesson.index.title")), intro, summary, list);
        showProgress(Map.of());
    }

    @Override
    public String getPageTitle() {
        return I18n.t("lesson.index.page-title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        inAccount = LessonProgress.signedIn();
        LessonProgress.read(this, this::showProgress);
    }

    void showProgress(Map<Lesson, LessonProgress.Entry> progress) {
        badges.forEach((lesson, badge) -> {
            LessonProgress.Entry entry = progress.get(lesson);
            if (entry == null) {
                badge.setText(I18n.t("lesson.index.badge.not-started"));
            } else {
                badge.setText(I18n.t(entry.done() ? "lesson.index.badge.done" : "lesson.index.badge.try-again",
                        entry.correct(), entry.total()));
            }
            badge.getElement().getClassList().set("done", entry != null && entry.done());
        });
        long done = progress.values().stream().filter(LessonProgress.Entry::done).count();
        if (progress.isEmpty()) {
            summary.setText(I18n.t(inAccount ? "lesson.index.start.account" : "lesson.index.start.browser"));
        } else {
            summary.setText(I18n.t(inAccount ? "lesson.index.done.account" : "lesson.index.done.browser",
                    done, Lesson.values().length));
        }
    }

    String badge(Lesson lesson) {
        return badges.get(lesson).getText();
    }
}
