package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Paragraph;
import org.convlab.account.AppUser;
import org.convlab.classroom.NewAccount;

/** The dialogs of a password reset, the same on the classes page and the admin page. */
final class AccountDialogs {

    private AccountDialogs() {}

    /** Asks before a reset: the old password stops working at once. */
    static Confirmation confirmReset(AppUser user, Runnable reset) {
        return Confirmation.ask(t("classroom.reset.question", user.getDisplayName()),
                t("classroom.reset.explained", user.getDisplayName()), t("classroom.reset.confirm"), false, reset);
    }

    /** The new first password, shown once: it is stored only hashed. */
    static Confirmation firstPassword(NewAccount account) {
        Paragraph username = new Paragraph(t("classroom.first-password.username") + " ");
        username.add(new Code(account.username()));
        Paragraph password = new Paragraph(t("classroom.first-password.password") + " ");
        Code code = new Code(account.password());
        code.addClassName("first-password");
        password.add(code);
        return Confirmation.notice(t("classroom.first-password.title", account.displayName()), username, password,
                new Paragraph(t("classroom.first-password.once")));
    }
}
