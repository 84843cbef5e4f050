package org.convlab.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Signs a learner in from a page (just after they created their account), the way Spring Security's
 * own login does: the password is checked by the same provider (and throttle), the session gets a new
 * id (no session fixation), and the security context is saved in the session, so the next request is
 * signed in. Then the browser goes to the page the guest was stopped at, or Home.
 */
@Component
public final class SessionSignIn {

    private final AuthenticationProvider passwords;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final ChangeSessionIdAuthenticationStrategy newSessionId = new ChangeSessionIdAuthenticationStrategy();
    private final RequestCache requests = new HttpSessionRequestCache();

    public SessionSignIn(AuthenticationProvider passwords) {
        this.passwords = passwords;
    }

    /**
     * Signs the current browser in with the account just made and sends it on to where the guest
     * wanted to go; a full page load, so the whole layout shows them signed in.
     */
    public void signInAndContinue(String username, String password) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        HttpServletResponse response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        Authentication signedIn = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                password));
        String target = wantedPage(request, response).orElse("");
        newSessionId.onAuthentication(signedIn, request, response);
        // Asked now, not kept: Vaadin installs its own strategy (and each test context another).
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        UI.getCurrent().getPage().setLocation(target.isEmpty() ? "./" : target);
    }

    /**
     * The page a guest was sent to sign in from: Vaadin keeps it when a guest navigates inside the app
     * (a menu link), Spring Security when they open it directly. Only a path on this server counts.
     */
    private Optional<String> wantedPage(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object inApp = session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        if (inApp instanceof String path) {
            return localPath(path);
        }
        if (saved == null) {
            return Optional.empty();
        }
        try {
            String path = new URI(saved.getRedirectUrl()).getRawPath();
            return path == null ? Optional.empty() : localPath(path.substring(
                    path.startsWith(request.getContextPath()) ? request.getContextPath().length() : 0));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * A path inside the app, written relative ("train", "runs/abc"): anything that could leave the
     * server (a scheme, "//host", a backslash) or go up a level is dropped.
     */
    static Optional<String> localPath(String path) {
        String stripped = path == null ? "" : path.strip();
        String relative = stripped.startsWith("/") && !stripped.startsWith("//") ? stripped.substring(1) : stripped;
        boolean safe = relative.matches("[A-Za-z0-9][A-Za-z0-9/_.~%=&?-]*") && !relative.contains("..")
                && !relative.contains("//") && !relative.startsWith("login") && !relative.startsWith("register");
        return safe ? Optional.of(relative) : Optional.empty();
    }
}
