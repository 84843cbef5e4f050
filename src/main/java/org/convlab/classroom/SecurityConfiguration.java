package org.convlab.classroom;

import static jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN;
import static jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.convlab.classroom.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
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

/**
 * Who may open what (docs/decisions/008). Pages: Vaadin's view annotations decide, guests keep the
 * lessons, and everything else sends a guest to the login page. {@code /api/**}: HTTP Basic or the
 * browser's session, and a refusal is a short JSON answer, never a login page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Answers of the API when a request is refused: one line a person or a script can read. */
    static final String UNAUTHORIZED_JSON = "{\"error\":\"unauthorized\",\"message\":"
            + "\"Sign in first: send your ConvLab username and password (HTTP Basic).\"}";
    static final String FORBIDDEN_JSON = "{\"error\":\"forbidden\",\"message\":\"Your account may not do this.\"}";

    /** BCrypt for new passwords; the {@code {bcrypt}} prefix lets a later default take over smoothly. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AppUserRepository users) {
        return username -> users.findByUsername(AccountRules.normalizeUsername(username))
                .map(user -> User.withUsername(user.getUsername())
                        .password(user.getPasswordHash())
                        .authorities(user.getRole().authority())
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

        @Bean
        @Order(1)
        SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
            AuthenticationEntryPoint signInFirst = (request, response, e) -> answer(response, SC_UNAUTHORIZED,
                    UNAUTHORIZED_JSON);
            AccessDeniedHandler notAllowed = (request, response, e) -> answer(response, SC_FORBIDDEN, FORBIDDEN_JSON);
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                            .requestMatchers("/api/teacher/**").hasAnyRole(Role.TEACHER.name(), Role.ADMIN.name())
                            .anyRequest().authenticated())
                    .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst)
                            .accessDeniedHandler(notAllowed))
                    // Scripts send no CSRF token, and a refused API call is not a page to return to after login.
                    .csrf(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
            // Chart.js comes from its webjar; guests see charts on the lesson and data pages too.
            http.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/**", "/error").permitAll());
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
            return http.build();
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
