package org.convlab.classroom.ui;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Paragraph;
import org.convlab.account.AppUser;
import org.convlab.classroom.NewAccount;

/** The dialogs of a password reset, the same on the classes page and the admin page. */
final class AccountDialogs {

    private AccountDialogs() {}

    /** Asks before a reset: the old password stops working at once. */
    static Confirmation confirmReset(AppUser user, Runnable reset) {
        return Confirmation.ask("Reset the password of " + user.getDisplayName() + "?",
                user.getDisplayName() + "'s current password stops working now. ConvLab makes a new first "
                        + "password, shown to you once; at their next sign-in they must choose their own.",
                "Reset password", false, reset);
    }

    /** The new first password, shown once: it is stored only hashed. */
    static Confirmation firstPassword(NewAccount account) {
        Paragraph username = new Paragraph("Username: ");
        username.add(new Code(account.username()));
        Paragraph password = new Paragraph("First password: ");
        Code code = new Code(account.password());
        code.addClassName("first-password");
        password.add(code);
        return Confirmation.notice("New first password for " + account.displayName(), username, password,
                new Paragraph("It is shown only now: write it down and hand it over. At the next sign-in it "
                        + "must be changed."));
    }
}
