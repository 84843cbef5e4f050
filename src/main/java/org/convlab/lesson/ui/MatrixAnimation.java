package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.base.ui.I18n;
import org.convlab.lesson.ValueFormat;

/**
 * Plays back a convolution, pooling or activation trace cell by cell: the Java side of
 * {@code frontend/components/convlab-matrix-animation.ts}. The trace goes to the browser once; the
 * browser plays, steps and jumps on its own (see docs/decisions/004-lesson-animation.md).
 */
@Tag("convlab-matrix-animation")
@JsModule("./components/convlab-matrix-animation.ts")
final class MatrixAnimation extends Component {

    /** Grids with more cells than this get small cells, so a 28×28 image fits on a laptop screen. */
    private static final int LARGE_GRID = 200;

    private AnimationTrace trace;

    /** The component's words (its property name: the key's last part) from bundle i18n/lesson. */
    private static final List<String> WORDS = List.of("back", "back-label", "forward", "forward-label", "play", "pause",
            "scrubber", "position", "speed", "slow", "normal", "fast", "fastest", "grid-hint", "hint-output",
            "hint-editable", "hint-input", "padding", "new-output", "paused");

    MatrixAnimation(String label) {
        getElement().setProperty("label", label);
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : WORDS) {
            words.put(camelCase(word), I18n.t("lesson.animation.control." + word));
        }
        words.put("decimal", String.valueOf(ValueFormat.decimalMark(I18n.locale())));
        getElement().setPropertyBean("words", words);
        addClassName("matrix-animation");
    }

    /** "back-label" → "backLabel", the component's property names. */
    private static String camelCase(String word) {
        StringBuilder name = new StringBuilder();
        for (String part : word.split("-")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    MatrixAnimation show(AnimationTrace newTrace) {
        trace = newTrace;
        getElement().setAttribute("size", newTrace.input().rows() * newTrace.input().cols() > LARGE_GRID ? "large" : "normal");
        getElement().setPropertyBean("data", newTrace);
        return this;
    }

    AnimationTrace trace() {
        return trace;
    }

    Registration addCellEditListener(ComponentEventListener<CellEditEvent> listener) {
        return addListener(CellEditEvent.class, listener);
    }

    /** A click on a cell of an editable grid; row and column count the displayed (padded) grid. */
    @DomEvent("cell-edit")
    public static final class CellEditEvent extends ComponentEvent<MatrixAnimation> {

        private final String grid;
        private final int row;
        private final int col;

        public CellEditEvent(MatrixAnimation source, boolean fromClient,
                @EventData("event.detail.grid") String grid,
                @EventData("event.detail.row") int row,
                @EventData("event.detail.col") int col) {
            super(source, fromClient);
            this.grid = grid;
            this.row = row;
            this.col = col;
        }

        String grid() {
            return grid;
        }

        int row() {
            return row;
        }

        int col() {
            return col;
        }
    }
}
