package org.convlab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.convlab.account.ClassroomOnly;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.convlab.account.AccountException;
import org.convlab.account.AccountRules;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.account.PasswordService;

/**
 * My account: who is signed in, and changing the password (the current one is required). After a
 * teacher or the admin reset the password, every page leads here until a new one is chosen
 * ({@link PasswordChangeGate}).
 */
@ClassroomOnly
@Route("account")
@PageTitle("My account · ConvLab")
@PermitAll
final class AccountView extends Main {

    static final String MUST_CHANGE = "Your password was reset. Choose a new password of your own before you go on.";
    static final String CHANGED = "Your password is changed. Use the new one next time you sign in.";

    final PasswordField current = new PasswordField("Current password");
    final PasswordField fresh = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Button change = new Button("Change password");
    final Paragraph result = new Paragraph();

    private final PasswordService passwords;
    private final AppUser user;

    AccountView(PasswordService passwords, CurrentUser currentUser) {
        this.passwords = passwords;
        this.user = currentUser.require();
        addClassNames("page", "account-page");

        Paragraph who = new Paragraph("You are signed in as " + user.getDisplayName() + " (username "
                + user.getUsername() + ", " + user.getRole().name().toLowerCase(Locale.ROOT) + ").");
        Paragraph reset = new Paragraph(MUST_CHANGE);
        reset.addClassNames("callout-error", "must-change");
        reset.setVisible(user.isMustChangePassword());

        fresh.setHelperText("At least " + AccountRules.MIN_PASSWORD + " characters");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> change());
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);
        FormLayout form = new FormLayout(current, fresh, repeated);
        form.setMaxWidth("48em");

        add(new H1("My account"), who, reset, new H2("Change your password"), form, change, result);
    }

    void change() {
        try {
            passwords.changeOwnPassword(user, current.getValue(), fresh.getValue(), repeated.getValue());
            result.setText(CHANGED);
            result.setClassName("callout-success");
            getChildren().filter(c -> c.hasClassName("must-change")).forEach(c -> c.setVisible(false));
        } catch (AccountException e) {
            result.setText(e.getMessage());
            result.setClassName("callout-error");
        }
        current.clear();
        fresh.clear();
        repeated.clear();
        result.setVisible(true);
    }
}
