package org.convlab.account.ui;

import static org.convlab.account.ui.Words.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
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
@PermitAll
final class AccountView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("account.page-title", t("account.page.title"));
    }


    static final String MUST_CHANGE = "account.page.must-change";
    static final String CHANGED = "account.page.changed";

    final PasswordField current = new PasswordField(t("account.page.current"));
    final PasswordField fresh = new PasswordField(t("account.page.new"));
    final PasswordField repeated = new PasswordField(t("account.page.again"));
    final Button change = new Button(t("account.page.change"));
    final Paragraph result = new Paragraph();

    private final PasswordService passwords;
    private final AppUser user;

    AccountView(PasswordService passwords, CurrentUser currentUser) {
        this.passwords = passwords;
        this.user = currentUser.require();
        addClassNames("page", "account-page");

        Paragraph who = new Paragraph(t("account.page.who", user.getDisplayName(), user.getUsername(),
                t("account.page.role." + user.getRole().name().toLowerCase(Locale.ROOT))));
        Paragraph reset = new Paragraph(t(MUST_CHANGE));
        reset.addClassNames("callout-error", "must-change");
        reset.setVisible(user.isMustChangePassword());

        fresh.setHelperText(t("account.page.new.help", AccountRules.MIN_PASSWORD));
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> change());
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);
        FormLayout form = new FormLayout(current, fresh, repeated);
        form.setMaxWidth("48em");

        add(new H1(t("account.page.title")), who, reset, new H2(t("account.page.change-heading")), form, change, result);
    }

    void change() {
        try {
            passwords.changeOwnPassword(user, current.getValue(), fresh.getValue(), repeated.getValue());
            result.setText(t(CHANGED));
            result.setClassName("callout-success");
            getChildren().filter(c -> c.hasClassName("must-change")).forEach(c -> c.setVisible(false));
        } catch (AccountException e) {
            result.setText(Words.message(e));
            result.setClassName("callout-error");
        }
        current.clear();
        fresh.clear();
        repeated.clear();
        result.setVisible(true);
    }
}
