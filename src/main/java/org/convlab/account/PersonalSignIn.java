package org.convlab.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Personal mode's sign-in: every request is the personal learner's, whatever it carries (the server
 * listens on the loopback only, PersonalModeCheck). Pages keep the sign-in in the HTTP session like a
 * real sign-in, because Vaadin's push messages find the user there; the API signs in per request and
 * starts no session. Added to both security chains in personal mode only; it is not a bean, so the
 * servlet container does not run it a second time outside the chains.
 */
public final class PersonalSignIn extends OncePerRequestFilter {

    private final boolean keepInSession;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    private PersonalSignIn(boolean keepInSession) {
        this.keepInSession = keepInSession;
    }

    /** For the pages' chain. */
    public static PersonalSignIn forPages() {
        return new PersonalSignIn(true);
    }

    /** For the API's chain. */
    static PersonalSignIn forApi() {
        return new PersonalSignIn(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Asked on every request: Vaadin installs its own holder strategy after the chains are built.
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        if (!PersonalLearner.isPersonalLearner(holder.getContext().getAuthentication())) {
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(PersonalLearner.authentication());
            holder.setContext(context);
            if (keepInSession) {
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
