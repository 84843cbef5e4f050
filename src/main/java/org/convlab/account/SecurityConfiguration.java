package org.convlab.account;

import static jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN;
import static jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.convlab.web.ApiError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import java.util.Locale;
import java.util.Map;

/**
 * Who may open what (docs/decisions/008). Pages: Vaadin's view annotations decide, guests keep the
 * lessons, and everything else sends a guest to the login page. {@code /api/**}: HTTP Basic or the
 * browser's session (a change through the session needs its CSRF token), and a refusal is a short
 * JSON answer, never a login page. The pages' chain is beside the login view (ui.PageSecurity). Sign-ins are throttled ({@link LoginThrottle}); docs/decisions/012.
 * In personal mode both chains sign every request in as the one learner ({@link PersonalSignIn}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationSettings.class)
public class SecurityConfiguration {

    /** Answers of the API when a request is refused: one line a person or a script can read. */
    static final String UNAUTHORIZED_JSON = "{\"error\":\"unauthorized\",\"message\":"
            + "\"Sign in first: send your ConvLab username and password (HTTP Basic).\"}";
    static final String FORBIDDEN_JSON = "{\"error\":\"forbidden\",\"message\":\"Your account may not do this.\"}";
    static final String CSRF_JSON = "{\"error\":\"forbidden\",\"message\":\"A change through the API with a browser's "
            + "session needs the session's CSRF token; scripts sign in with HTTP Basic instead.\"}";

    /**
     * A request that changes something and would be signed in by the browser's session cookie alone
     * (no Authorization header, a session exists): the kind another site can make a browser send, so
     * it must carry the session's CSRF token. A script's HTTP Basic request needs none; a request with
     * no session and no credentials goes on to be refused with 401.
     */
    static boolean changeBySessionCookie(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
        return !safe && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    /** BCrypt for new passwords; the {@code {bcrypt}} prefix lets a later default take over smoothly. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's password check behind the sign-in throttle; being the one provider, it serves
     * the login page and HTTP Basic alike.
     */
    @Bean
    AuthenticationProvider passwordAuthentication(UserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // A disabled account is told so only after its password was right: before it, the answer
        // would tell anyone that the username exists.
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return LoginThrottle.guarding(passwords, throttle);
    }

    @Bean
    UserDetailsService userDetailsService(AppUserRepository users) {
        return username -> users.findByUsername(AccountRules.normalizeUsername(username))
                .map(user -> User.withUsername(user.getUsername())
                        .password(user.getPasswordHash())
                        .authorities(user.getRole().authority())
                        .disabled(user.isDisabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /**
     * The filter chains, only in a web application: a Spring start without a web server (a training
     * worker, say) still gets the password encoder and the accounts.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class WebSecurity {

        /**
         * {@code /actuator/**}, for whoever runs the server (README, Operations): the health summary and
         * the liveness and readiness probes answer anyone (load balancers ask them unsigned), without
         * details; everything else (details, metrics) needs an admin by HTTP Basic or session. Personal
         * mode listens on the loopback only, so the one learner at this computer may read it all.
         */
        @Bean
        @Order(0)
        SecurityFilterChain actuatorSecurity(HttpSecurity http, AppMode mode, AppUserRepository users) throws Exception {
            AuthenticationEntryPoint signInFirst = signInFirst();
            http.securityMatcher("/actuator/**")
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst)
                            .accessDeniedHandler(notAllowed()))
                    .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::changeBySessionCookie))
                    .requestCache(AbstractHttpConfigurer::disable);
            if (mode.isPersonal()) {
                http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                        .addFilterBefore(PersonalSignIn.forApi(), AnonymousAuthenticationFilter.class);
            } else {
                http.authorizeHttpRequests(requests -> requests
                                .requestMatchers("/actuator/health", "/actuator/health/liveness",
                                        "/actuator/health/readiness").permitAll()
                                .anyRequest().hasRole(Role.ADMIN.name()))
                        .addFilterBefore(AccountStatusFilter.forApi(users), AuthorizationFilter.class)
                        .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst));
            }
            return http.build();
        }

        @Bean
        @Order(1)
        SecurityFilterChain apiSecurity(HttpSecurity http, AppMode mode, AppUserRepository users) throws Exception {
            AuthenticationEntryPoint signInFirst = signInFirst();
            AccessDeniedHandler notAllowed = notAllowed();
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                            .requestMatchers("/api/teacher/**").hasAnyRole(Role.TEACHER.name(), Role.ADMIN.name())
                            .anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst)
                            .accessDeniedHandler(notAllowed))
                    // Scripts send no CSRF token: only a change carried by the browser's session cookie needs one.
                    // Disabled accounts and passwords waiting to be changed, checked as stored now.
                    .addFilterBefore(AccountStatusFilter.forApi(users), AuthorizationFilter.class)
                    .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::changeBySessionCookie))
                    // A refused API call is not a page to return to after login.
                    .requestCache(AbstractHttpConfigurer::disable);
            if (mode.isPersonal()) {
                // No credentials to check: whoever is at this computer is the one learner.
                http.addFilterBefore(PersonalSignIn.forApi(), AnonymousAuthenticationFilter.class);
            } else {
                http.httpBasic(basic -> basic.authenticationEntryPoint(signInFirst));
            }
            return http.build();
        }

        /** A request without a (valid) sign-in: 401 (or 429 while throttled), one JSON line. */
        private static AuthenticationEntryPoint signInFirst() {
            return (request, response, e) -> {
                if (e instanceof TooManyAttemptsException wait) {
                    response.setHeader("Retry-After", String.valueOf(wait.seconds()));
                    answer(response, HttpStatus.TOO_MANY_REQUESTS.value(), ApiError.json(
                            Map.of("error", "too many attempts", "message", wait.text().in(language(request)))));
                } else if (e instanceof DisabledException) {
                    answer(response, SC_UNAUTHORIZED, ApiError.json(Map.of("error", "unauthorized",
                            "message", AccountStatusFilter.DISABLED_TEXT.in(language(request)))));
                } else {
                    answer(response, SC_UNAUTHORIZED, json(request, UNAUTHORIZED_JSON, "unauthorized",
                            "account.api.sign-in-first"));
                }
            };
        }

        /** A signed-in request its account may not make: 403, one JSON line. */
        private static AccessDeniedHandler notAllowed() {
            return (request, response, e) -> answer(response, SC_FORBIDDEN, e instanceof CsrfException
                    ? json(request, CSRF_JSON, "forbidden", "account.api.csrf")
                    : json(request, FORBIDDEN_JSON, "forbidden", "account.api.forbidden"));
        }

        private static Locale language(jakarta.servlet.http.HttpServletRequest request) {
            return AccountStatusFilter.language(request);
        }

        /** The English answer as it always was, or the same answer in the request's language. */
        private static String json(jakarta.servlet.http.HttpServletRequest request, String english, String error,
                String key) {
            Locale language = language(request);
            return language.equals(Locale.ENGLISH) ? english
                    : ApiError.json(Map.of("error", error, "message", org.convlab.i18n.Translations.get(language, key)));
        }

        private static void answer(HttpServletResponse response, int status, String json) throws IOException {
            response.setStatus(status);
            if (status == SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"ConvLab\"");
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json);
        }
    }
}
