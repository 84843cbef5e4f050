package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * A box on the page that says what an action will do, with a button to do it and Cancel, or a
 * notice with only Done. Not a pop-up dialog: the committed frontend bundles (decision 002) load
 * Vaadin's dialog only on the pages that used it when they were built, so a dialog on another page
 * would stay invisible until the bundles are rebuilt.
 */
final class Confirmation extends Div {

    private final H3 header;
    final Div body = new Div();
    final Button confirm;
    final Button cancel = new Button(t("classroom.confirm.cancel"), e -> close());

    private Confirmation(String header, String confirmText, Runnable action) {
        this.header = new H3(header);
        addClassName("confirmation");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", header);
        body.addClassName("confirmation-text");
        confirm = new Button(confirmText, e -> {
            close();
            action.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-button");
    }

    /** Asks before {@code action}; {@code danger} colours the button for what cannot be undone. */
    static Confirmation ask(String header, String text, String confirmText, boolean danger, Runnable action) {
        Confirmation box = new Confirmation(header, confirmText, action);
        box.body.add(new Paragraph(text));
        if (danger) {
            box.confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        box.add(box.header, box.body, new HorizontalLayout(box.confirm, box.cancel));
        return box;
    }

    /** Shows {@code content} with a Done button only. */
    static Confirmation notice(String header, Component... content) {
        Confirmation box = new Confirmation(header, t("classroom.confirm.done"), () -> { });
        box.body.add(content);
        box.add(box.header, box.body, box.confirm);
        return box;
    }

    String header() {
        return header.getText();
    }

    String text() {
        return body.getElement().getTextRecursively();
    }

    void close() {
        removeFromParent();
    }
}
