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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.EnumMap;
import java.util.Map;

/** The lessons in order, each with the learner's progress, read from the browser once the page is shown. */
@AnonymousAllowed
@Route("learn")
@PageTitle("Learn · ConvLab")
final class LearnView extends Main {

    final Paragraph summary = new Paragraph();
    private final Map<Lesson, Span> badges = new EnumMap<>(Lesson.class);
    /** Where the progress shown is kept: the account once someone is signed in, else this browser. */
    private boolean inAccount;

    LearnView() {
        addClassNames("page", "lesson-index");
        Paragraph intro = new Paragraph("Nine short lessons, from a picture as numbers to a network that learns. "
                + "Each one animates an operation with every number visible, lets you change it, shows the few "
                + "lines of DJL code that do it, and ends with a quiz whose numbers change every time.");
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
        add(new H1("Learn how a CNN works"), intro, summary, list);
        showProgress(Map.of());
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
                badge.setText("not started");
            } else {
                badge.setText((entry.done() ? "done · quiz " : "quiz ") + entry.correct() + "/" + entry.total()
                        + (entry.done() ? "" : " · try again"));
            }
            badge.getElement().getClassList().set("done", entry != null && entry.done());
        });
        long done = progress.values().stream().filter(LessonProgress.Entry::done).count();
        String where = inAccount ? "your account" : "this browser";
        summary.setText(progress.isEmpty()
                ? "Start with lesson 1; your progress is saved in " + where + "."
                : done + " of " + Lesson.values().length + " lessons done (a lesson is done when its quiz is all "
                        + "right). Progress is saved in " + where + ".");
    }

    String badge(Lesson lesson) {
        return badges.get(lesson).getText();
    }
}
