package org.convlab.classroom;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        learner = TestAccounts.ensure(users, encoder, "api.learner", Role.LEARNER);
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

    @Test
    void aGuestAskingForATrainingPageIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/train"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }
}
