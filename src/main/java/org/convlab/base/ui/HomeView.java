package org.convlab.base.ui;

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
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("ConvLab")
final class HomeView extends Main implements BeforeEnterObserver {

    /** One step on the path; {@code route} is where the step happens. */
    record Step(String title, String text, String route, String action) {}

    static final List<Step> PATH = List.of(
            new Step("Learn the operations",
                    "Watch a filter slide over an image, every multiplication written out; then ReLU, pooling "
                            + "and the classic X-versus-O example from pixels to a vote.",
                    "learn", "Start learning"),
            new Step("Explore the data",
                    "Fashion-MNIST: 70,000 small pictures of clothing in ten classes. See which classes look "
                            + "alike before a model tells you.",
                    "data", "Explore the data"),
            new Step("Build a model",
                    "Stack convolution, pooling and dense layers; watch the shapes and the parameter count "
                            + "change as you go.",
                    "train/model", "Build a model"),
            new Step("Train it",
                    "Train for real on your computer's processor, or a GPU if there is one, and follow the "
                            + "loss and accuracy curves live.",
                    "train", "Train"),
            new Step("Look inside",
                    "Confusion matrix, learned filters, feature maps, heatmaps of where the model looked, "
                            + "and the images it gets wrong.",
                    "runs", "See runs"));

    /** Where a returning learner left off, above the path; absent for guests and newcomers. */
    final Section welcomeBack = new Section();
    private final List<WhereYouLeftOff> parts;

    HomeView(List<WhereYouLeftOff> parts) {
        addClassName("page");
        H1 title = new H1("Learn how a convolutional network sees, then train one");
        Paragraph intro = new Paragraph("ConvLab shows every number a CNN computes, step by step, and then lets you "
                + "train real networks on real images. Follow the path below, or jump to any step.");
        intro.addClassName("lead");
        Div path = new Div();
        path.addClassName("learning-path");
        for (int i = 0; i < PATH.size(); i++) {
            path.add(card(i + 1, PATH.get(i)));
        }
        // A learner who wants to see training first: the quick recipe, filled in and explained.
        Paragraph hurry = new Paragraph("In a hurry? ");
        hurry.add(new Anchor("train?recipe=quick", "Train a real network now with the quick recipe →"));
        hurry.addClassName("shortcut");
        this.parts = parts;
        welcomeBack.addClassName("welcome-back");
        welcomeBack.setVisible(false);
        add(title, welcomeBack, intro, hurry, path);
    }

    /** Asked on every visit, not once: the page may be shown again after the learner did more. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<WhereYouLeftOff.Note> notes = parts.stream().flatMap(part -> part.forCurrentUser().stream()).toList();
        welcomeBack.removeAll();
        welcomeBack.setVisible(!notes.isEmpty());
        welcomeBack.add(new H2("Where you left off"));
        for (WhereYouLeftOff.Note note : notes) {
            Div line = new Div(new Span(note.title()), new Paragraph(note.text()),
                    new Anchor(note.route(), note.action() + " →"));
            line.addClassName("left-off");
            welcomeBack.add(line);
        }
    }

    private static Div card(int number, Step step) {
        Span badge = new Span(String.valueOf(number));
        badge.addClassName("step-number");
        Div card = new Div(badge, new H2(step.title()), new Paragraph(step.text()),
                new Anchor(step.route(), step.action() + " →"));
        card.addClassName("step-card");
        return card;
    }
}
