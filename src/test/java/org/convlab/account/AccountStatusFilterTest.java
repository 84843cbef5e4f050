package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A disabled account: refused at sign-in and its open session ends at the next request. A reset
 * password: the API refuses everything until it is changed.
 */
@Tag("database")
@SpringBootTest
class AccountStatusFilterTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired WebApplicationContext context;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;

    MockMvc mvc;
    AppUser kim;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        kim = TestAccounts.ensure(users, encoder, "status.kim" + N.incrementAndGet(), Role.LEARNER);
    }

    private MockHttpSession signedInSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, TestAccounts.context(kim));
        return session;
    }

    private void store(boolean disabled, boolean mustChange) {
        AppUser stored = users.findById(kim.getId()).orElseThrow();
        stored.setDisabled(disabled);
        stored.setMustChangePassword(mustChange);
        users.save(stored);
    }

    @Test
    void aDisabledAccountIsToldSoOverHttpBasic() throws Exception {
        store(true, false);
        mvc.perform(get("/api/me").with(httpBasic(kim.getUsername(), TestAccounts.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(AccountStatusFilter.DISABLED));
        // A wrong password does not learn that the account exists.
        mvc.perform(get("/api/me").with(httpBasic(kim.getUsername(), "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Sign in first")));
    }

    @Test
    void anOpenSessionStopsAtItsNextApiCallOnceTheAccountIsDisabled() throws Exception {
        MockHttpSession session = signedInSession();
        mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());

        store(true, false);

        mvc.perform(get("/api/me").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.message").value(AccountStatusFilter.DISABLED));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anOpenSessionOfADisabledAccountLoadingAPageGoesToTheLoginPage() throws Exception {
        MockHttpSession session = signedInSession();
        store(true, false);
        mvc.perform(get("/runs").session(session)).andExpect(redirectedUrl("/login?disabled"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aResetPasswordMustBeChangedBeforeTheApiAnswers() throws Exception {
        store(false, true);
        mvc.perform(get("/api/me").with(httpBasic(kim.getUsername(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"))
                .andExpect(jsonPath("$.message").value(AccountStatusFilter.CHANGE_PASSWORD_FIRST));
        mvc.perform(get("/api/runs").session(signedInSession()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(AccountStatusFilter.CHANGE_PASSWORD_FIRST));

        store(false, false);
        mvc.perform(get("/api/me").with(httpBasic(kim.getUsername(), TestAccounts.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void builtFilesAreServedWithoutLookingTheAccountUpButEveryRequestThatActsIsChecked() {
        AccountStatusFilter filter = AccountStatusFilter.forPages(users);
        for (String file : new String[] {"/VAADIN/build/FlowClient-x.js", "/VAADIN/static/icon.svg", "/webjars/chart.js/x.js"}) {
            assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", file)))
                    .as(file).isTrue();
        }
        for (String acting : new String[] {"/", "/train", "/VAADIN/push", "/api/runs", "/VAADIN/buildx", "/webjars"}) {
            assertThat(filter.shouldNotFilter(new MockHttpServletRequest("POST", acting)))
                    .as(acting).isFalse();
        }
    }
}
