package org.convlab.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import java.util.List;

/** {@code /api/**}: HTTP Basic or the browser session; refusals are short JSON, never a login page. */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class ApiSecurityTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    MockMvc mvc;
    AppUser learner;

    @Autowired
    LoginThrottle throttle;
    final LoginThrottleTest.HandClock clock = new LoginThrottleTest.HandClock();

    @BeforeEach
    void setUp() {
        throttle.useClock(clock);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        learner = TestAccounts.ensure(users, encoder, "api.learner", Role.LEARNER);
    }

    /** The refusal's words follow the request's Accept-Language; its fields stay as scripts read them. */
    @Test
    void aRefusalIsWrittenInTheRequestsLanguage() throws Exception {
        mvc.perform(get("/api/me").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.message").value(
                        "Melde dich zuerst an: Sende deinen ConvLab-Benutzernamen und dein Passwort (HTTP Basic)."));
        mvc.perform(get("/api/me").header("Accept-Language", "es"))
                .andExpect(jsonPath("$.message").value(
                        "Inicia sesión primero: envía tu nombre de usuario y tu contraseña de ConvLab (HTTP Basic)."));
        mvc.perform(get("/api/me").header("Accept-Language", "fr"))
                .andExpect(jsonPath("$.message").value(
                        "Sign in first: send your ConvLab username and password (HTTP Basic)."));
    }

    @Test
    void withoutCredentialsTheAnswerIs401JsonNotALoginRedirect() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"ConvLab\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Sign in first")));
    }

    @org.junit.jupiter.api.AfterEach
    void realClock() {
        throttle.useClock(java.time.Clock.systemUTC());
    }

    @Test
    void aWrongPasswordIs401Too() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("api.learner", "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void httpBasicSignsIn() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("API.Learner", TestAccounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("api.learner"))
                .andExpect(jsonPath("$.role").value("LEARNER"));
    }

    @Test
    void theBrowserSessionWorksToo() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, TestAccounts.context(learner));
        mvc.perform(get("/api/me").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("api.learner"));
    }

    @Test
    void aLearnerIsRefusedAdminCallsWith403Json() throws Exception {
        mvc.perform(get("/api/admin/users").with(httpBasic("api.learner", TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("forbidden"));
    }

    @Test
    void scriptsNeedNoCsrfToken() throws Exception {
        // No such endpoint: the point is that the answer is not a CSRF refusal (403).
        mvc.perform(post("/api/me").with(httpBasic("api.learner", TestAccounts.PASSWORD)))
                .andExpect(status().isMethodNotAllowed());
    }

    /** Another site can make a browser send its session cookie, not a CSRF token nor HTTP Basic credentials. */
    @Test
    void aChangeCarriedByTheSessionCookieAloneNeedsItsCsrfToken() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, TestAccounts.context(learner));
        for (var change : List.of(post("/api/runs/some-run/front"), delete("/api/runs/some-run"),
                post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{\"preset\":\"dense\"}"))) {
            mvc.perform(change.session(session))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("CSRF token")));
        }
        // With the session's token the change goes through (to a run that does not exist).
        mvc.perform(delete("/api/runs/some-run").session(session).with(csrf())).andExpect(status().isNotFound());
        // Reading needs no token, and a script's HTTP Basic needs none for a change either.
        mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
        mvc.perform(delete("/api/runs/some-run").with(httpBasic("api.learner", TestAccounts.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void manyWrongPasswordsOverHttpBasicAreRefusedForAWhileEvenWithTheRightOne() throws Exception {
        TestAccounts.ensure(users, encoder, "api.guessed", Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic("api.guessed", "guess-" + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic("api.guessed", TestAccounts.PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "15"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.message").value("Too many wrong passwords. Try again in 15 seconds."));
        clock.advance(java.time.Duration.ofSeconds(15));
        mvc.perform(get("/api/me").with(httpBasic("api.guessed", TestAccounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("api.guessed"));
    }

    @Test
    void aGuestAskingForATrainingPageIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/train"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }
}
