package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Consumer;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.Evaluation.Misclassified;

/**
 * The test images the model gets wrong, {@value #PAGE_SIZE} at a time, each with what the model said
 * and what it is. Clicking one opens its ten probabilities.
 */
final class MisclassifiedGallery extends Div {

    static final int PAGE_SIZE = 24;

    final Div images = new Div();
    final Span position = new Span();
    final Button previous = new Button(t("run.mistakes.previous"), VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(t("run.mistakes.next"), VaadinIcon.ANGLE_RIGHT.create());
    private final List<Misclassified> mistakes;
    private final Consumer<Misclassified> onOpen;
    private final LayerShape shape;
    private int page;

    /** {@code shape}: the test images' channels and size, as the run's data has them. */
    MisclassifiedGallery(List<Misclassified> mistakes, LayerShape shape, Consumer<Misclassified> onOpen) {
        this.mistakes = mistakes;
        this.shape = shape;
        this.onOpen = onOpen;
        addClassName("misclassified");
        images.addClassName("sample-gallery");
        position.addClassName("muted");
        next.setIconAfterText(true);
        previous.addClickListener(e -> showPage(page - 1));
        next.addClickListener(e -> showPage(page + 1));
        Div pager = new Div(previous, position, next);
        pager.addClassName("pager");
        add(pager, images);
        showPage(0);
    }

    int pages() {
        return Math.max(1, (mistakes.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    void showPage(int wanted) {
        page = Math.clamp(wanted, 0, pages() - 1);
        int from = page * PAGE_SIZE;
        int to = Math.min(from + PAGE_SIZE, mistakes.size());
        images.removeAll();
        for (Misclassified m : mistakes.subList(from, to)) {
            images.add(figure(m));
        }
        position.setText(mistakes.isEmpty() ? t("run.mistakes.none")
                : t("run.mistakes.position", from + 1, to, mistakes.size()));
        previous.setEnabled(page > 0);
        next.setEnabled(page < pages() - 1);
    }

    private Div figure(Misclassified m) {
        Span said = new Span(t("run.mistakes.said", m.predictedName()));
        said.addClassName("predicted");
        Span truth = new Span(t("run.mistakes.is", m.expectedName()));
        truth.addClassName("expected");
        Div figure = new Div(Pictures.of(m.pixels(), shape, t("run.image.taken-for",
                m.expectedName(), m.predictedName(), String.valueOf(m.index()))), said, truth);
        figure.addClassName("sample");
        figure.addClassName("clickable-sample");
        figure.getElement().setAttribute("data-index", String.valueOf(m.index()));
        figure.getElement().setAttribute("role", "button");
        figure.getElement().setAttribute("tabindex", "0");
        figure.addClickListener(e -> onOpen.accept(m));
        figure.getElement().addEventListener("keydown", e -> onOpen.accept(m))
                .setFilter(NetworkDiagram.ENTER_OR_SPACE);
        return figure;
    }
}
