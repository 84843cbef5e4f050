package org.convlab.account.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.convlab.account.AppMode;
import org.convlab.account.AccountStatusFilter;
import org.convlab.account.AppUserRepository;
import org.convlab.account.LoginOriginCheck;
import org.convlab.account.PersonalSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The pages' security chain (after the API's, SecurityConfiguration): Vaadin's view annotations
 * decide who opens what, and everyone else is sent to the login view. It lives beside the login
 * view so that the view stays package-private.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AppMode mode, AppUserRepository users) throws Exception {
        // Chart.js comes from its webjar; guests see charts on the lesson and data pages too.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/**", "/error").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // Vaadin's login form posts without a CSRF token (Vaadin exempts POST /login): refuse a
        // sign-in posted from another site instead (login CSRF).
        http.addFilterBefore(new LoginOriginCheck(), UsernamePasswordAuthenticationFilter.class);
        if (mode.isPersonal()) {
            http.addFilterBefore(PersonalSignIn.forPages(), AnonymousAuthenticationFilter.class);
        }
        // A disabled account's open session ends at its next request (AccountStatusFilter).
        http.addFilterBefore(AccountStatusFilter.forPages(users), AuthorizationFilter.class);
        return http.build();
    }
}
