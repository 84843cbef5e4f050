package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

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

    MatrixAnimation(String label) {
        getElement().setProperty("label", label);
        addClassName("matrix-animation");
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
