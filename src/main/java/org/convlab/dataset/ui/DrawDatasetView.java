package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.t;

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
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.convlab.base.ui.I18n;
import org.convlab.dataset.library.DatasetRefused;
import org.convlab.i18n.Text;
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
@PreserveOnRefresh
final class DrawDatasetView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final Div classList = new Div();
    final Button addClass = new Button(t("dataset.draw.add-class"), VaadinIcon.PLUS.create());
    final Div nameProblems = new Div();
    final RadioButtonGroup<ClassRow> drawingOf = new RadioButtonGroup<>(t("dataset.draw.drawing-of"));
    final Sketchpad sketchpad = new Sketchpad();
    final Button add = new Button(t("dataset.draw.add"), VaadinIcon.CHECK.create());
    final Button clear = new Button(t("dataset.draw.clear"), VaadinIcon.ERASER.create());
    final Paragraph drawingProblem = new Paragraph();
    final TextField name = new TextField(t("dataset.import.name"));
    final Button make = new Button(t("dataset.draw.make"));
    final Paragraph whyNot = new Paragraph();
    final Div result = new Div();

    /** Where the lesson's link goes in the sentence after an X-or-O set is made. */
    private static final String LESSON = "{0}";

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
        add(new H1(t("dataset.draw.heading")), new Paragraph(t("dataset.draw.intro", DrawnDatasets.MIN_PER_CLASS)),
                new Paragraph(t("dataset.draw.kept")));

        classList.addClassName("drawn-classes");
        addClass.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClass.addClickListener(e -> addRow(""));
        nameProblems.addClassName("callout-error");
        nameProblems.getElement().setAttribute("aria-live", "polite");

        drawingOf.setItemLabelGenerator(ClassRow::shownName);
        drawingOf.addValueChangeListener(e -> updateButtons());
        sketchpad.setLabel(t("dataset.draw.pad-label"));
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
        name.setPlaceholder(t("dataset.draw.name-placeholder"));
        name.setHelperText(t("dataset.draw.name-help"));
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.addClickListener(e -> makeDataset());
        whyNot.addClassName("make-why-not");
        whyNot.getElement().setAttribute("aria-live", "polite");
        result.addClassName("draw-result");
        result.getElement().setAttribute("aria-live", "polite");

        Div pad = new Div(new H2(t("dataset.draw.draw")), drawingOf, sketchpad, new Div(add, clear), drawingProblem);
        pad.addClassName("panel");
        Div classes = new Div(new H2(t("dataset.draw.classes")), classList, addClass, nameProblems);
        classes.addClassName("panel");
        Div columns = new Div(pad, classes);
        columns.addClassName("side-by-side");
        add(columns, new H2(t("dataset.draw.make-it")), name, make, whyNot, result,
                new Paragraph(new Anchor("data", t("dataset.import.back"))));
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
            name.setPlaceholder(rows.isEmpty() ? t("dataset.draw.such-as", "X") : rows.size() == 1
                    ? t("dataset.draw.such-as", "O") : t("dataset.draw.a-name"));
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
            return n.isEmpty() ? t("dataset.draw.class-n", rows.indexOf(this) + 1) : n;
        }

        void showStrip() {
            name.setLabel(t("dataset.draw.class-n", rows.indexOf(this) + 1));
            remove.setAriaLabel(drawings.isEmpty() ? t("dataset.draw.remove-class", shownName())
                    : I18n.count("dataset.draw.remove-class-drawings", drawings.size(), shownName()));
            count.setText(I18n.count("dataset.draw.drawings", drawings.size()));
            strip.removeAll();
            for (int i = 0; i < drawings.size(); i++) {
                Drawing d = drawings.get(i);
                String what = t("dataset.draw.drawing-n", shownName(), i + 1);
                Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    drawings.remove(d);
                    showStrip();
                    updateButtons();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                delete.setAriaLabel(t("dataset.draw.delete", what));
                delete.setTooltipText(t("dataset.draw.delete", what));
                Div thumbnail = new Div(new PixelImage(d.image(), DrawnDatasets.SIZE, DrawnDatasets.SIZE, what), delete);
                thumbnail.addClassName("drawn-thumbnail");
                strip.add(thumbnail);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return t("dataset.draw.title");
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
                ? t("dataset.draw.class-full", row.shownName(), DrawnDatasets.MAX_PER_CLASS)
                : total >= DrawnDatasets.MAX_IN_ALL
                        ? t("dataset.draw.set-full", total)
                        : null;
        if (full != null) {
            showDrawingProblem(full);
            return;
        }
        try {
            row.drawings.add(new Drawing(onPad, DrawnDatasets.prepare(onPad)));
        } catch (DatasetRefused e) {
            showDrawingProblem(t("dataset.draw.not-added", I18n.message(e)));
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
        List<Text> problems = DrawnDatasets.nameProblems(rows.stream().map(r -> r.name.getValue()).toList());
        nameProblems.removeAll();
        problems.forEach(p -> nameProblems.add(new Paragraph(t(p))));
        nameProblems.setVisible(!problems.isEmpty());
        String waiting;
        if (!problems.isEmpty()) {
            waiting = t("dataset.draw.name-first");
        } else {
            String short_ = rows.stream().filter(r -> r.drawings.size() < DrawnDatasets.MIN_PER_CLASS)
                    .map(r -> t("dataset.draw.needs-more", r.shownName(), DrawnDatasets.MIN_PER_CLASS - r.drawings.size()))
                    .collect(Collectors.joining(t("dataset.overview.list.comma")));
            waiting = short_.isEmpty() ? null : t("dataset.draw.draw-at-least", DrawnDatasets.MIN_PER_CLASS, short_);
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
            set = drawn.make(owner, name.getValue(), classes, I18n.locale());
        } catch (DatasetRefused e) {
            result.addClassName("problem");
            result.add(new Paragraph(t("dataset.draw.not-made", I18n.message(e))));
            return;
        }
        result.add(new Paragraph(t("dataset.draw.made", t(set.description()))),
                new Paragraph(new Anchor("train?dataset=" + set.key(), t("dataset.data.train-on-it")), new Span(" "),
                        new Anchor("data?dataset=" + set.key(), t("dataset.import.look-at-it"))));
        Set<String> names = set.classNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (names.equals(Set.of("x", "o"))) {
            // One sentence in the bundle; the lesson's link goes where the language puts it.
            String sentence = t("dataset.draw.x-or-o");
            int at = sentence.indexOf(LESSON);
            Paragraph compare = new Paragraph();
            compare.add(new Span(at < 0 ? sentence : sentence.substring(0, at)));
            compare.add(new Anchor("learn/x-or-o", t("dataset.draw.x-or-o-lesson")));
            if (at >= 0) {
                compare.add(new Span(sentence.substring(at + LESSON.length())));
            }
            result.add(compare);
        }
        // The drawings are in the data set now; the page starts afresh for another.
        rows.forEach(r -> {
            r.drawings.clear();
            r.showStrip();
        });
        clearPad();
    }
}
