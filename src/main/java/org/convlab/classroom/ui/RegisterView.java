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

/** A learner creates an account with the class code the teacher handed out, then signs in. */
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

    private final AccountService accounts;

    RegisterView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "register-page");
        username.setHelperText("3 to 32 lowercase letters, digits, dots, dashes or underscores");
        username.setRequired(true);
        displayName.setHelperText("How your teacher and class will see you");
        displayName.setRequired(true);
        password.setHelperText("At least 8 characters");
        password.setRequired(true);
        classCode.setHelperText("The 6 characters your teacher gave you");
        classCode.setRequired(true);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> register());
        problem.addClassName("callout-error");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");

        FormLayout form = new FormLayout(username, displayName, password, classCode);
        form.setMaxWidth("40em");
        Paragraph signIn = new Paragraph("Already have an account? ");
        signIn.add(new Anchor("login", "Sign in"));
        add(new H1("Create an account"),
                new Paragraph("Your teacher gives you a class code; with it your account joins the class."),
                form, problem, create, signIn);
    }

    void register() {
        try {
            AppUser learner = accounts.registerLearner(username.getValue(), displayName.getValue(),
                    password.getValue(), classCode.getValue());
            UI.getCurrent().navigate("login", QueryParameters.of("registered", learner.getUsername()));
        } catch (AccountException e) {
            problem.setText(e.getMessage());
            problem.setVisible(true);
        }
    }
}
