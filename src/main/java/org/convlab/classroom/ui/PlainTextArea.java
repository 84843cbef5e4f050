package org.convlab.classroom.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A labelled multi-line text box made of the browser's own {@code <label>} and {@code <textarea>}.
 * The assignment, gradebook and progress pages load only the web components they were bundled with
 * (docs/decisions/002); a native text area needs no bundled component, so these pages get one
 * without rebuilding the committed frontend bundles.
 */
final class PlainTextArea extends Div {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** The {@code <textarea>} itself; its value reaches the server when it changes (on leaving it). */
    @Tag("textarea")
    static final class Box extends AbstractSinglePropertyField<Box, String> implements HasSize, HasStyle {
        Box() {
            super("value", "", false);
            setSynchronizedEvent("change");
        }
    }

    final NativeLabel label = new NativeLabel();
    final Box box = new Box();

    PlainTextArea(String label, int maxLength) {
        addClassName("plain-text-area");
        String id = "plain-text-" + IDS.incrementAndGet();
        box.setId(id);
        box.getElement().setAttribute("maxlength", String.valueOf(maxLength));
        box.getElement().setAttribute("rows", "4");
        this.label.setText(label);
        this.label.setFor(id);
        add(this.label, box);
    }

    String getLabel() {
        return label.getText();
    }

    String getValue() {
        return box.getValue();
    }

    void setValue(String value) {
        box.setValue(value == null ? "" : value);
    }
}
