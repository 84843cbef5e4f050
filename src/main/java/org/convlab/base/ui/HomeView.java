package org.convlab.base.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * The start page: what ConvLab is and the path through it, one step after another. A returning
 * learner first reads where they left off (the next lesson, their latest run), from the parts of
 * ConvLab that know ({@link WhereYouLeftOff} beans), so this page depends on none of them.
 */
@AnonymousAllowed
@Route("")
final class HomeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /**
     * One step on the path: its words live under {@code home.step.<key>.*} (title, text, action);
     * {@code route} is where the step happens.
     */
    record Step(String key, String route) {
        String title() {
            return t("home.step." + key + ".title");
        }
    }

    static final List<Step> PATH = List.of(
            new Step("learn", "learn"),
            new Step("data", "data"),
            new Step("model", "train/model"),
            new Step("train", "train"),
            new Step("inside", "runs"));

    /** Where a returning learner left off, above the path; absent for guests and newcomers. */
    final Section welcomeBack = new Section();
    private final List<WhereYouLeftOff> parts;

    HomeView(List<WhereYouLeftOff> parts) {
        addClassName("page");
        H1 title = new H1(t("home.title"));
        Paragraph intro = new Paragraph(t("home.intro"));
        intro.addClassName("lead");
        Div path = new Div();
        path.addClassName("learning-path");
        for (int i = 0; i < PATH.size(); i++) {
            path.add(card(i + 1, PATH.get(i)));
        }
        // A learner who wants to see training first: the quick recipe, filled in and explained.
        Paragraph hurry = new Paragraph(t("home.hurry") + " ");
        hurry.add(new Anchor("train?recipe=quick", t("home.hurry.link")));
        hurry.addClassName("shortcut");
        this.parts = parts;
        welcomeBack.addClassName("welcome-back");
        welcomeBack.setVisible(false);
        add(title, welcomeBack, intro, hurry, path);
    }

    @Override
    public String getPageTitle() {
        return t("home.page-title");
    }

    /** Asked on every visit, not once: the page may be shown again after the learner did more. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<WhereYouLeftOff.Note> notes = parts.stream().flatMap(part -> part.forCurrentUser().stream()).toList();
        welcomeBack.removeAll();
        welcomeBack.setVisible(!notes.isEmpty());
        welcomeBack.add(new H2(t("home.left-off")));
        for (WhereYouLeftOff.Note note : notes) {
            Div line = new Div(new Span(note.title()), new Paragraph(note.text()),
                    new Anchor(note.route(), t("home.link", note.action())));
            line.addClassName("left-off");
            welcomeBack.add(line);
        }
    }

    private static Div card(int number, Step step) {
        Span badge = new Span(I18n.integer(number));
        badge.addClassName("step-number");
        Div card = new Div(badge, new H2(step.title()), new Paragraph(t("home.step." + step.key() + ".text")),
                new Anchor(step.route(), t("home.link", t("home.step." + step.key() + ".action"))));
        card.addClassName("step-card");
        return card;
    }
}
