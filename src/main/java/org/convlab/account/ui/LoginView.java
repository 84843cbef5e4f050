package org.convlab.account.ui;

import static org.convlab.account.ui.Words.t;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
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
@AnonymousAllowed
final class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String WRONG_PASSWORD = "account.login.wrong";

    /** Why a guest is here: sent from Train, Runs or Try it, they should learn why an account is needed. */
    static final String WHY = "account.login.why";

    final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();
    final Paragraph note = new Paragraph();
    /** Why an account, and how to get one on this server (its registration policy). */
    final Paragraph why = new Paragraph(t(WHY));
    final Paragraph how = new Paragraph();

    private final CurrentUser currentUser;

    LoginView(CurrentUser currentUser, RegistrationSettings registration) {
        this.currentUser = currentUser;
        addClassNames("page", "login-page");
        // The form's own words (Vaadin writes them in English), each from the bundle.
        i18n.getForm().setTitle(t("account.login.title"));
        i18n.getForm().setUsername(t("account.login.username"));
        i18n.getForm().setPassword(t("account.login.password"));
        i18n.getForm().setSubmit(t("account.login.submit"));
        i18n.getForm().setForgotPassword(t("account.login.forgot"));
        i18n.getErrorMessage().setTitle(t("account.login.error"));
        i18n.getErrorMessage().setMessage(t(WRONG_PASSWORD));
        i18n.getErrorMessage().setUsername(t("account.login.username.required"));
        i18n.getErrorMessage().setPassword(t("account.login.password.required"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        note.addClassName("login-note");
        note.setVisible(false);
        why.addClassNames("lead", "login-why");
        how.addClassName("login-how");
        howToGetAnAccount(how, registration.registration());
        Paragraph guest = new Paragraph(t("account.login.guest"));
        guest.addClassName("muted");
        add(new H1(t("account.login.heading")), note, why, how, form, guest);
    }

    /** What this server's registration policy lets a guest do to get an account. */
    static void howToGetAnAccount(Paragraph how, RegistrationPolicy policy) {
        switch (policy) {
            case CLASS_CODE -> withLink(how, "account.login.how.class-code", "account.login.how.class-code.link");
            case OPEN -> withLink(how, "account.login.how.open", "account.login.how.open.link");
            case CLOSED -> how.add(new Text(t("account.login.how.closed")));
        }
    }

    /** {@code key}'s sentence with the link to registration where its {@code {0}} is. */
    private static void withLink(Paragraph how, String key, String linkKey) {
        String marker = "\u0000";
        String[] parts = t(key, marker).split(marker, 2);
        how.add(new Text(parts[0]), new Anchor("register", t(linkKey)));
        if (parts.length > 1 && !parts[1].isEmpty()) {
            how.add(new Text(parts[1]));
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
            return t(AccountStatusFilter.DISABLED_TEXT);
        }
        return last instanceof TooManyAttemptsException wait ? t(wait.text()) : t(WRONG_PASSWORD);
    }

    @Override
    public String getPageTitle() {
        return t("account.page-title", t("account.login.title"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean failed = parameters.containsKey("error");
        i18n.getErrorMessage().setMessage(failed ? failure() : t(WRONG_PASSWORD));
        form.setI18n(i18n);
        form.setError(failed);
        // An account made whose automatic sign-in was refused (the throttle): it exists, so say so.
        List<String> registered = parameters.getOrDefault("registered", List.of());
        if (parameters.containsKey("disabled")) {
            note.setText(t(AccountStatusFilter.DISABLED_TEXT));
            note.setVisible(true);
        }
        if (!registered.isEmpty()) {
            note.setText(t("account.login.registered", registered.getFirst()));
            note.setVisible(true);
        }
    }
}
