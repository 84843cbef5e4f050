package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convlab.account.AccountException;
import org.convlab.classroom.AccountService;
import org.convlab.account.AppUser;
import org.convlab.account.ClassroomOnly;
import org.convlab.account.RegistrationPolicy;
import org.convlab.account.RegistrationSettings;
import org.convlab.account.ui.SessionSignIn;
import org.springframework.security.core.AuthenticationException;

/**
 * A learner creates an account, as the server's registration policy allows: with the class code the
 * teacher handed out, freely (a code is optional), or not at all (the page says whom to ask). A new
 * account is signed in at once and goes on to the page the guest wanted, or Home.
 */
@ClassroomOnly
@Route("register")
@AnonymousAllowed
final class RegisterView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.register.title"));
    }


    final TextField username = new TextField(t("account.login.username"));
    final TextField displayName = new TextField(t("classroom.register.name"));
    final PasswordField password = new PasswordField(t("account.login.password"));
    final TextField classCode = new TextField(t("classroom.overview.code"));
    final Button create = new Button(t("classroom.register.create"));
    final Paragraph problem = new Paragraph();
    final FormLayout form = new FormLayout(username, displayName, password, classCode);

    private final AccountService accounts;
    private final SessionSignIn signIn;

    RegisterView(AccountService accounts, SessionSignIn signIn, RegistrationSettings registration) {
        this.accounts = accounts;
        this.signIn = signIn;
        addClassNames("page", "register-page");
        RegistrationPolicy policy = registration.registration();
        Paragraph signInInstead = ClassroomText.withLink("classroom.register.have-account", "login", "account.login.title");
        if (policy == RegistrationPolicy.CLOSED) {
            Paragraph closed = new Paragraph(t("classroom.register.closed"));
            closed.addClassName("registration-closed");
            add(new H1(t("classroom.register.title")), closed, signInInstead);
            return;
        }
        username.setHelperText(t("classroom.register.username.help"));
        username.setRequired(true);
        displayName.setHelperText(t("classroom.register.name.help"));
        displayName.setRequired(true);
        password.setHelperText(t("classroom.register.password.help"));
        password.setRequired(true);
        boolean codeNeeded = policy == RegistrationPolicy.CLASS_CODE;
        classCode.setHelperText(t(codeNeeded ? "classroom.register.code.help" : "classroom.register.code.help-optional"));
        classCode.setRequired(codeNeeded);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> register());
        problem.addClassName("callout-error");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");

        form.setMaxWidth("40em");
        add(new H1(t("classroom.register.title")),
                new Paragraph(t(codeNeeded ? "classroom.register.intro.code" : "classroom.register.intro.open")),
                form, problem, create, signInInstead);
    }

    void register() {
        AppUser learner;
        try {
            learner = accounts.registerLearner(username.getValue(), displayName.getValue(),
                    password.getValue(), classCode.getValue());
        } catch (AccountException e) {
            problem.setText(org.convlab.base.ui.I18n.message(e));
            problem.setVisible(true);
            return;
        }
        try {
            signIn.signInAndContinue(learner.getUsername(), password.getValue());
        } catch (AuthenticationException e) {
            // The account exists; only the automatic sign-in was refused (too many sign-ins from here).
            UI.getCurrent().navigate("login", QueryParameters.of("registered", learner.getUsername()));
        }
    }
}
