package org.convlab.classroom.ui;

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
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Create an account · ConvLab")
@AnonymousAllowed
final class RegisterView extends Main {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Your name");
    final PasswordField password = new PasswordField("Password");
    final TextField classCode = new TextField("Class code");
    final Button create = new Button("Create account");
    final Paragraph problem = new Paragraph();
    final FormLayout form = new FormLayout(username, displayName, password, classCode);

    private final AccountService accounts;
    private final SessionSignIn signIn;

    RegisterView(AccountService accounts, SessionSignIn signIn, RegistrationSettings registration) {
        this.accounts = accounts;
        this.signIn = signIn;
        addClassNames("page", "register-page");
        RegistrationPolicy policy = registration.registration();
        Paragraph signInInstead = new Paragraph("Already have an account? ");
        signInInstead.add(new Anchor("login", "Sign in"));
        if (policy == RegistrationPolicy.CLOSED) {
            Paragraph closed = new Paragraph(AccountService.REGISTRATION_CLOSED);
            closed.addClassName("registration-closed");
            add(new H1("Create an account"), closed, signInInstead);
            return;
        }
        username.setHelperText("3 to 32 lowercase letters, digits, dots, dashes or underscores");
        username.setRequired(true);
        displayName.setHelperText("How your teacher and class will see you");
        displayName.setRequired(true);
        password.setHelperText("At least 8 characters");
        password.setRequired(true);
        boolean codeNeeded = policy == RegistrationPolicy.CLASS_CODE;
        classCode.setHelperText(codeNeeded ? "The 6 characters your teacher gave you"
                : "Optional: the 6 characters your teacher gave you, if you are in a class");
        classCode.setRequired(codeNeeded);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> register());
        problem.addClassName("callout-error");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");

        form.setMaxWidth("40em");
        add(new H1("Create an account"),
                new Paragraph(codeNeeded ? "Your teacher gives you a class code; with it your account joins the class."
                        : "Anyone may create an account here. In a class? Type its code and you join it too; "
                                + "you can also join one later on the Classroom page."),
                form, problem, create, signInInstead);
    }

    void register() {
        AppUser learner;
        try {
            learner = accounts.registerLearner(username.getValue(), displayName.getValue(),
                    password.getValue(), classCode.getValue());
        } catch (AccountException e) {
            problem.setText(e.getMessage());
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
