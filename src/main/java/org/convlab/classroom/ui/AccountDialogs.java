package org.convlab.classroom.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.convlab.account.AppUser;
import org.convlab.classroom.NewAccount;

/** The dialogs of a password reset, the same on the classes page and the admin page. */
final class AccountDialogs {

    private AccountDialogs() {}

    /** Asks before a reset: the old password stops working at once. */
    static ConfirmDialog confirmReset(AppUser user, Runnable reset) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Reset the password of " + user.getDisplayName() + "?");
        dialog.setText(user.getDisplayName() + "'s current password stops working now. ConvLab makes a new first "
                + "password, shown to you once; at their next sign-in they must choose their own.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Reset password");
        dialog.addConfirmListener(e -> reset.run());
        dialog.addClassName("confirm-reset");
        return dialog;
    }

    /** The new first password, shown once: it is stored only hashed. */
    static ConfirmDialog firstPassword(NewAccount account) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("New first password for " + account.displayName());
        Paragraph username = new Paragraph("Username: ");
        username.add(new Code(account.username()));
        Paragraph password = new Paragraph("First password: ");
        Code code = new Code(account.password());
        code.addClassName("first-password");
        password.add(code);
        dialog.setText(new Div(username, password, new Paragraph("It is shown only now: write it down and hand it "
                + "over. At the next sign-in it must be changed.")));
        dialog.setConfirmText("Done");
        dialog.addClassName("first-password-dialog");
        return dialog;
    }
}
