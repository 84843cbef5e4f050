package org.convlab.dataset.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.PreserveOnRefresh;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.base.ui.PixelImage;
import org.convlab.base.ui.Sketchpad;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.library.DatasetRefused;
import org.convlab.dataset.library.DrawnDatasets;

/**
 * "Draw your own data set": the learner names two to ten classes, draws examples of each on the
 * sketchpad (draw, look, add: the pad clears for the next one), deletes a bad one from its class's
 * strip, and makes a data set to train on at once. Each thumbnail is the 28×28 image the network
 * will see. The drawings live in this page until made: a reload keeps them ({@link
 * PreserveOnRefresh}), leaving the page discards them, and the page says so.
 */
@PermitAll
@Route("data/draw")
@PageTitle("Draw a data set · ConvLab")
@PreserveOnRefresh
final class DrawDatasetView extends Main implements BeforeEnterObserver {

    final Div classList = new Div();
    final Button addClass = new Button("Add a class", VaadinIcon.PLUS.create());
    final Div nameProblems = new Div();
    final RadioButtonGroup<ClassRow> drawingOf = new RadioButtonGroup<>("This drawing is");
    final Sketchpad sketchpad = new Sketchpad();
    final Button add = new Button("Add this drawing", VaadinIcon.CHECK.create());
    final Button clear = new Button("Clear", VaadinIcon.ERASER.create());
    final Paragraph drawingProblem = new Paragraph();
    final TextField name = new TextField("Name of the data set");
    final Button make = new Button("Make the data set");
    final Paragraph whyNot = new Paragraph();
    final Div result = new Div();

    final List<ClassRow> rows = new ArrayList<>();
    private final DrawnDatasets drawn;
    private final AppUser owner;
    /** The drawing on the pad after its last stroke, not yet added. */
    private byte[] onPad;
    private boolean prefilled;

    DrawDatasetView(DrawnDatasets drawn, CurrentUser current) {
        this.drawn = drawn;
        this.owner = current.require();
        addClassNames("page", "draw-dataset-view");
        add(new H1("Draw a data set"), new Paragraph("Name the things you want a network to tell apart, such as X "
                + "and O or your own symbols, and draw at least " + DrawnDatasets.MIN_PER_CLASS + " of each (ten or "
                + "more learn better). Each drawing becomes a 28×28 image the way an upload does: trimmed, centred, "
                + "light on dark. A fifth of each class is kept back to test the network."),
                new Paragraph("Your drawings stay on this page until you make the data set: reloading keeps them, "
                        + "leaving the page discards them."));

        classList.addClassName("drawn-classes");
        addClass.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClass.addClickListener(e -> addRow(""));
        nameProblems.addClassName("callout-error");
        nameProblems.getElement().setAttribute("aria-live", "polite");

        drawingOf.setItemLabelGenerator(ClassRow::shownName);
        drawingOf.addValueChangeListener(e -> updateButtons());
        sketchpad.setLabel("Drawing area: draw one example of the class chosen above");
        sketchpad.addChangeListener(e -> {
            onPad = e.png();
            drawingProblem.setVisible(false);
            updateButtons();
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addDrawing());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> clearPad());
        drawingProblem.addClassName("callout-error");
        drawingProblem.setVisible(false);
        drawingProblem.getElement().setAttribute("aria-live", "polite");

        name.setMaxLength(100);
        name.setPlaceholder("Drawings: …");
        name.setHelperText("Leave it empty to name it after its classes.");
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.addClickListener(e -> makeDataset());
        whyNot.addClassName("make-why-not");
        whyNot.getElement().setAttribute("aria-live", "polite");
        result.addClassName("draw-result");
        result.getElement().setAttribute("aria-live", "polite");

        Div pad = new Div(new H2("Draw"), drawingOf, sketchpad, new Div(add, clear), drawingProblem);
        pad.addClassName("panel");
        Div classes = new Div(new H2("Classes"), classList, addClass, nameProblems);
        classes.addClassName("panel");
        Div columns = new Div(pad, classes);
        columns.addClassName("side-by-side");
        add(columns, new H2("Make it"), name, make, whyNot, result,
                new Paragraph(new Anchor("data", "← Back to the data sets")));
        addRow("");
        addRow("");
    }

    /** {@code ?classes=X,O} names the classes (the X/O lesson links here), once, before anything is drawn. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (prefilled) {
            return;
        }
        prefilled = true;
        List<String> given = event.getLocation().getQueryParameters().getParameters().getOrDefault("classes", List.of());
        List<String> names = given.stream().flatMap(v -> List.of(v.split(",", -1)).stream())
                .map(String::strip).filter(s -> !s.isEmpty()).limit(DrawnDatasets.MAX_CLASSES).toList();
        if (names.isEmpty()) {
            return;
        }
        rows.clear();
        classList.removeAll();
        drawingOf.clear();
        names.forEach(this::addRow);
        while (rows.size() < DrawnDatasets.MIN_CLASSES) {
            addRow("");
        }
    }

    /** One class: its name field, its counter and its strip of drawings. */
    final class ClassRow {
        final TextField name = new TextField();
        final Span count = new Span();
        final Button remove = new Button(VaadinIcon.TRASH.create());
        final Div strip = new Div();
        final List<Drawing> drawings = new ArrayList<>();
        final Div box = new Div();

        ClassRow(String initial) {
            name.setValue(initial);
            name.setMaxLength(DrawnDatasets.MAX_CLASS_NAME + 20);
            name.setPlaceholder(rows.isEmpty() ? "such as X" : rows.size() == 1 ? "such as O" : "a name");
            name.addValueChangeListener(e -> {
                drawingOf.getDataProvider().refreshItem(this);
                showStrip();
                updateButtons();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(e -> removeRow(this));
            count.addClassName("drawn-count");
            strip.addClassName("drawn-strip");
            Div head = new Div(name, count, remove);
            head.addClassName("drawn-class-head");
            box.add(head, strip);
            box.addClassName("drawn-class");
        }

        String shownName() {
            String n = name.getValue().strip();
            return n.isEmpty() ? "Class " + (rows.indexOf(this) + 1) : n;
        }

        void showStrip() {
            name.setLabel("Class " + (rows.indexOf(this) + 1));
            remove.setAriaLabel("Remove the class " + shownName() + (drawings.isEmpty() ? ""
                    : " and its " + drawings.size() + (drawings.size() == 1 ? " drawing" : " drawings")));
            count.setText(drawings.size() + (drawings.size() == 1 ? " drawing" : " drawings"));
            strip.removeAll();
            for (int i = 0; i < drawings.size(); i++) {
                Drawing d = drawings.get(i);
                String what = shownName() + " drawing " + (i + 1);
                Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    drawings.remove(d);
                    showStrip();
                    updateButtons();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                delete.setAriaLabel("Delete " + what);
                delete.setTooltipText("Delete " + what);
                Div thumbnail = new Div(new PixelImage(d.image(), DrawnDatasets.SIZE, DrawnDatasets.SIZE, what), delete);
                thumbnail.addClassName("drawn-thumbnail");
                strip.add(thumbnail);
            }
        }
    }

    /** A drawing as the sketchpad sent it and as the network will see it. */
    record Drawing(byte[] png, byte[] image) {}

    private void addRow(String initial) {
        if (rows.size() >= DrawnDatasets.MAX_CLASSES) {
            return;
        }
        ClassRow row = new ClassRow(initial);
        rows.add(row);
        classList.add(row.box);
        refreshClasses();
        if (drawingOf.getValue() == null) {
            drawingOf.setValue(row);
        }
    }

    private void removeRow(ClassRow row) {
        if (rows.size() <= DrawnDatasets.MIN_CLASSES) {
            return;
        }
        boolean chosen = row.equals(drawingOf.getValue());
        rows.remove(row);
        classList.remove(row.box);
        refreshClasses();
        if (chosen && !rows.isEmpty()) {
            drawingOf.setValue(rows.getFirst());
        }
    }

    private void refreshClasses() {
        ClassRow chosen = drawingOf.getValue();
        drawingOf.setItems(rows);
        if (chosen != null && rows.contains(chosen)) {
            drawingOf.setValue(chosen);
        }
        rows.forEach(ClassRow::showStrip);
        addClass.setEnabled(rows.size() < DrawnDatasets.MAX_CLASSES);
        rows.forEach(r -> r.remove.setEnabled(rows.size() > DrawnDatasets.MIN_CLASSES));
        updateButtons();
    }

    private void addDrawing() {
        ClassRow row = drawingOf.getValue();
        if (row == null || onPad == null) {
            return;
        }
        int total = rows.stream().mapToInt(r -> r.drawings.size()).sum();
        String full = row.drawings.size() >= DrawnDatasets.MAX_PER_CLASS
                ? row.shownName() + " has " + DrawnDatasets.MAX_PER_CLASS + " drawings, as many as a class may hold."
                : total >= DrawnDatasets.MAX_IN_ALL
                        ? String.format(Locale.ROOT, "There are %,d drawings, as many as a drawn data set may hold.", total)
                        : null;
        if (full != null) {
            showDrawingProblem(full);
            return;
        }
        try {
            row.drawings.add(new Drawing(onPad, DrawnDatasets.prepare(onPad)));
        } catch (DatasetRefused e) {
            showDrawingProblem("Not added: " + e.getMessage());
            return;
        }
        row.showStrip();
        clearPad();
    }

    private void clearPad() {
        sketchpad.clear();
        onPad = null;
        drawingProblem.setVisible(false);
        updateButtons();
    }

    private void showDrawingProblem(String line) {
        drawingProblem.setText(line);
        drawingProblem.setVisible(true);
    }

    /** Enables Add and Make when they can work, and says in words what Make is still waiting for. */
    void updateButtons() {
        add.setEnabled(onPad != null && drawingOf.getValue() != null);
        List<String> problems = DrawnDatasets.nameProblems(rows.stream().map(r -> r.name.getValue()).toList());
        nameProblems.removeAll();
        problems.forEach(p -> nameProblems.add(new Paragraph(p)));
        nameProblems.setVisible(!problems.isEmpty());
        String waiting;
        if (!problems.isEmpty()) {
            waiting = "Name every class first (see above).";
        } else {
            String short_ = rows.stream().filter(r -> r.drawings.size() < DrawnDatasets.MIN_PER_CLASS)
                    .map(r -> r.shownName() + " needs " + (DrawnDatasets.MIN_PER_CLASS - r.drawings.size()) + " more")
                    .collect(Collectors.joining(", "));
            waiting = short_.isEmpty() ? null
                    : "Draw at least " + DrawnDatasets.MIN_PER_CLASS + " of each class: " + short_ + ".";
        }
        make.setEnabled(waiting == null);
        whyNot.setText(waiting == null ? "" : waiting);
        whyNot.setVisible(waiting != null);
    }

    private void makeDataset() {
        List<DrawnDatasets.DrawnClass> classes = rows.stream().map(r -> new DrawnDatasets.DrawnClass(r.name.getValue(),
                r.drawings.stream().map(Drawing::png).toList())).toList();
        result.removeAll();
        result.removeClassName("problem");
        DatasetChoice set;
        try {
            set = drawn.make(owner, name.getValue(), classes);
        } catch (DatasetRefused e) {
            result.addClassName("problem");
            result.add(new Paragraph("Not made: " + e.getMessage()));
            return;
        }
        result.add(new Paragraph("Made: " + set.describe() + "."),
                new Paragraph(new Anchor("train?dataset=" + set.key(), "Train on it →"), new Span(" "),
                        new Anchor("data?dataset=" + set.key(), "Look at it on the Data page →")));
        Set<String> names = set.classNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (names.equals(Set.of("x", "o"))) {
            result.add(new Paragraph(new Span("After training, compare its first-layer filters with the diagonal "
                    + "filters of "), new Anchor("learn/x-or-o", "lesson 5, X or O"), new Span(": did your network "
                    + "find the strokes an X is made of?")));
        }
        // The drawings are in the data set now; the page starts afresh for another.
        rows.forEach(r -> {
            r.drawings.clear();
            r.showStrip();
        });
        clearPad();
    }
}
