package org.convlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A dialog that says what an action will do, with a button to do it (and Cancel), or a notice with
 * only a Done button. A plain Vaadin {@link Dialog}: it is in the committed frontend bundle, which
 * ConfirmDialog is not (docs/decisions/002).
 */
final class Confirmation extends Dialog {

    final Div body = new Div();
    final Button confirm;
    final Button cancel = new Button("Cancel", e -> close());

    private Confirmation(String header, String confirmText, Runnable action) {
        setHeaderTitle(header);
        addClassName("confirmation");
        body.addClassName("confirmation-text");
        add(body);
        confirm = new Button(confirmText, e -> {
            close();
            action.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-button");
    }

    /** Asks before {@code action}; {@code danger} colours the button for what cannot be undone. */
    static Confirmation ask(String header, String text, String confirmText, boolean danger, Runnable action) {
        Confirmation dialog = new Confirmation(header, confirmText, action);
        dialog.body.add(new Paragraph(text));
        if (danger) {
            dialog.confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(dialog.cancel, dialog.confirm);
        return dialog;
    }

    /** Shows {@code content} with a Done button only. */
    static Confirmation notice(String header, Component... content) {
        Confirmation dialog = new Confirmation(header, "Done", () -> { });
        dialog.body.add(content);
        dialog.getFooter().add(dialog.confirm);
        return dialog;
    }

    String text() {
        return body.getElement().getTextRecursively();
    }
}
