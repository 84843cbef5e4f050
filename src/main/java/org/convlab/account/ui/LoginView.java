package org.convlab.account.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import com.vaadin.flow.server.VaadinSession;
import org.convlab.account.AccountStatusFilter;
import org.convlab.account.CurrentUser;
import org.convlab.account.RegistrationPolicy;
import org.convlab.account.RegistrationSettings;
import org.convlab.account.TooManyAttemptsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.convlab.account.ClassroomOnly;

/**
 * Sign in. The form posts to Spring Security ({@code POST /login}); a wrong password comes back here
 * with {@code ?error}; a disabled account's ended session comes back with {@code ?disabled}. Guests
 * sent here from a page that needs an account read why, and how this server gives accounts
 * ({@code convlab.registration}). Public because the security configuration names it as the login page.
 */
@ClassroomOnly
@Route("login")
@PageTitle("Sign in · ConvLab")
@AnonymousAllowed
final class LoginView extends Main implements BeforeEnterObserver {

    static final String WRONG_PASSWORD = "The username or the password is wrong. Check both and try again; "
            + "your teacher can look up your username.";

    /** Why a guest is here: sent from Train, Runs or Try it, they should learn why an account is needed. */
    static final String WHY = "Training, runs and Try it need an account on this server, so your runs are kept "
            + "for you and the machine is shared fairly.";

    final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    final Paragraph note = new Paragraph();
    /** Why an account, and how to get one on this server (its registration policy). */
    final Paragraph why = new Paragraph(WHY);
    final Paragraph how = new Paragraph();

    private final CurrentUser currentUser;

    LoginView(CurrentUser currentUser, RegistrationSettings registration) {
        this.currentUser = currentUser;
        addClassNames("page", "login-page");
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("That did not work");
        i18n.getErrorMessage().setMessage(WRONG_PASSWORD);
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        note.addClassName("login-note");
        note.setVisible(false);
        why.addClassNames("lead", "login-why");
        how.addClassName("login-how");
        howToGetAnAccount(how, registration.registration());
        Paragraph guest = new Paragraph("The lessons and the data page are open without an account.");
        guest.addClassName("muted");
        add(new H1("Your ConvLab account"), note, why, how, form, guest);
    }

    /** What this server's registration policy lets a guest do to get an account. */
    static void howToGetAnAccount(Paragraph how, RegistrationPolicy policy) {
        switch (policy) {
            case CLASS_CODE -> how.add(new Text("Sign in below, or "),
                    new Anchor("register", "create an account with the class code your teacher gave you"),
                    new Text("."));
            case OPEN -> how.add(new Text("Sign in below, or "), new Anchor("register", "create an account"),
                    new Text(": it takes a minute, and no class code is needed."));
            case CLOSED -> how.add(new Text("Sign in below. Accounts on this server come from your teacher or "
                    + "the admin: if you have none yet, ask your teacher for an account."));
        }
    }

    /**
     * Why the last sign-in failed: Spring Security keeps the exception in the session. Only the
     * throttle's refusal gets its own words ("try again in ..."); every other failure reads the same,
     * so the page never tells whether an account exists.
     */
    private static String failure() {
        VaadinSession session = VaadinSession.getCurrent();
        Object last = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof DisabledException) {
            return AccountStatusFilter.DISABLED;
        }
        return last instanceof TooManyAttemptsException wait ? wait.getMessage() : WRONG_PASSWORD;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean failed = parameters.containsKey("error");
        i18n.getErrorMessage().setMessage(failed ? failure() : WRONG_PASSWORD);
        form.setI18n(i18n);
        form.setError(failed);
        // An account made whose automatic sign-in was refused (the throttle): it exists, so say so.
        List<String> registered = parameters.getOrDefault("registered", List.of());
        if (parameters.containsKey("disabled")) {
            note.setText(AccountStatusFilter.DISABLED);
            note.setVisible(true);
        }
        if (!registered.isEmpty()) {
            note.setText("Your account " + registered.getFirst() + " is ready. Sign in with it now.");
            note.setVisible(true);
        }
    }
}
