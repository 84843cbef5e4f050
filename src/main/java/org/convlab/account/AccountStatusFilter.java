package org.convlab.account;

import java.util.Locale;
import org.convlab.i18n.Translations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convlab.web.ApiError;
import org.convlab.web.ApiLanguage;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the signed-in account as stored now, on every request of both security chains, so the
 * admin's "disable" takes effect on sessions that are already open: a disabled (or deleted)
 * account's session is ended, a page load goes to the login page with a note, an API call gets a
 * JSON 401. An API call of an account whose password was reset is refused with a JSON 403 until it
 * chooses a new password (pages do the same with a navigation listener, account.ui.PasswordChangeGate).
 * Not a bean, so Spring Boot does not also register it for every request outside the chains.
 */
public final class AccountStatusFilter extends OncePerRequestFilter {

    public static final String DISABLED = "This account is disabled; ask your teacher or the admin.";
    /** {@link #DISABLED} in the reader's language. */
    public static final org.convlab.i18n.Text DISABLED_TEXT = org.convlab.i18n.Text.of("account.status.disabled");
    public static final String CHANGE_PASSWORD_FIRST = "Change your password first: sign in on the web page, "
            + "which asks for a new one, then try again.";

    private static final List<String> STATIC_FILES = List.of("/VAADIN/build/", "/VAADIN/static/",
            "/webjars/");

    private final AppUserRepository users;
    private final boolean api;

    private AccountStatusFilter(AppUserRepository users, boolean api) {
        this.users = users;
        this.api = api;
    }

    public static AccountStatusFilter forPages(AppUserRepository users) {
        return new AccountStatusFilter(users, false);
    }

    static AccountStatusFilter forApi(AppUserRepository users) {
        return new AccountStatusFilter(users, true);
    }

    /**
     * The page's built scripts, styles and images carry no action and come by the dozen with every
     * page: looking the account up for each would be a database query per file.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC_FILES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AppUser> user = users.findByUsername(auth.getName());
        if (user.isEmpty() || user.get().isDisabled()) {
            new SecurityContextLogoutHandler().logout(request, response, auth);
            if (api) {
                answer(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                        Translations.get(language(request), "account.status.disabled"));
            } else if ("GET".equals(request.getMethod()) && request.getParameter("v-r") == null) {
                response.sendRedirect(request.getContextPath() + "/login?disabled");
            } else {
                // A request of an open page (Vaadin's own, v-r=...): its session is gone, so the page
                // reloads, as a guest.
                SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("convlab",
                        "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
                chain.doFilter(request, response);
            }
            return;
        }
        if (api && user.get().isMustChangePassword()) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                    Translations.get(language(request), "account.status.change-password-first"));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The language a JSON answer is written in: the request's {@code Accept-Language} when ConvLab
     * speaks it, English when there is none (scripts send none and get what they always got).
     */
    static Locale language(HttpServletRequest request) {
        return ApiLanguage.of(request);
    }

    static void answer(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ApiError.json(Map.of("error", error, "message", message)));
    }
}
