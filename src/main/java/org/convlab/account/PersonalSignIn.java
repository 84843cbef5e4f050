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
 * <p>
 * A request must name this computer in its Host header ({@code localhost}, 127.x.x.x, [::1]): a web
 * page elsewhere that points its own domain name at 127.0.0.1 (DNS rebinding) would otherwise act as
 * the learner.
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
        if (!isThisComputer(request.getServerName())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("ConvLab in personal mode answers this computer only: open it as localhost.");
            return;
        }
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

    /** The host name a request was sent to names the loopback, read literally (never looked up). */
    static boolean isThisComputer(String host) {
        String name = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || name.equals("[::1]") || name.equals("::1");
    }
}
