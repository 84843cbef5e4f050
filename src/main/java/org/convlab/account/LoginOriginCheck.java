package org.convlab.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes login CSRF: another site (another port counts) must not be able to sign a visitor's
 * browser into an account of its choosing. Vaadin's login form posts {@code /login} without a CSRF
 * token, so this checks what every browser sends with a form post instead (OWASP, "verifying origin
 * with standard headers"): {@code Sec-Fetch-Site} when present must be same-origin, and
 * {@code Origin} when present must be this server. A post with neither header does not come from
 * a browser page and is let through to the password check.
 */
public final class LoginOriginCheck extends OncePerRequestFilter {

    private static final RequestMatcher LOGIN_POST = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN_POST.matches(request) && fromAnotherSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("Sign in on ConvLab's own login page.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin.strip());
            return from.getScheme() == null || from.getHost() == null
                    || !from.getScheme().equalsIgnoreCase(request.getScheme())
                    || !from.getHost().toLowerCase(Locale.ROOT).equals(request.getServerName().toLowerCase(Locale.ROOT))
                    || port(from) != request.getServerPort();
        } catch (IllegalArgumentException e) {
            return true; // "null" (a sandboxed page) and anything unreadable
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
