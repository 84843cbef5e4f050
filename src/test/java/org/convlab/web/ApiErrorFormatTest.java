package org.convlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import jakarta.servlet.RequestDispatcher;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every error of the API is one JSON line {@code {"error": "..."}}, whatever the Accept header asks
 * for; what the caller got wrong is a 4xx, never a 500, never an HTML page, never a stack trace.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class ApiErrorFormatTest {

    @Autowired WebApplicationContext context;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired RunJobRepository runs;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestAccounts.ensure(users, encoder, "api.errors", Role.LEARNER);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Bad requests a script or a hostile learner might send, each with the status it must get. */
    static Stream<Arguments> badRequests() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        return Stream.of(
                Arguments.of("bad body, Accept xml", json(post("/api/runs"), "{not json").accept(MediaType.APPLICATION_XML), 400),
                Arguments.of("bad body, Accept html", json(post("/api/runs"), "{not json").accept(MediaType.TEXT_HTML), 400),
                Arguments.of("bad body, Accept text", json(post("/api/runs"), "{not json").accept(MediaType.TEXT_PLAIN), 400),
                Arguments.of("empty body", json(post("/api/runs"), ""), 400),
                Arguments.of("body null", json(post("/api/runs"), "null"), 400),
                Arguments.of("body an array", json(post("/api/runs"), "[]"), 400),
                Arguments.of("body a string", json(post("/api/runs"), "\"dense\""), 400),
                Arguments.of("settings a string", json(post("/api/runs"), "{\"preset\":\"dense\",\"hyperparameters\":\"x\"}"), 400),
                Arguments.of("nesting 5000 deep", json(post("/api/runs"), "{\"spec\":" + deep + "}"), 400),
                Arguments.of("invalid UTF-8", post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}), 400),
                Arguments.of("body as text/plain", post("/api/runs").contentType(MediaType.TEXT_PLAIN).content("preset=dense"), 415),
                Arguments.of("body as XML", post("/api/runs").contentType(MediaType.APPLICATION_XML).content("<run/>"), 415),
                Arguments.of("body as a form", post("/api/runs").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("preset=dense"), 415),
                Arguments.of("unknown API path", get("/api/nope"), 404),
                Arguments.of("unknown API path, Accept html", get("/api/nope").accept(MediaType.TEXT_HTML), 404),
                Arguments.of("unknown nested API path", get("/api/runs/x/y/z"), 404),
                Arguments.of("the API root", get("/api"), 404),
                Arguments.of("POST to a GET address", post("/api/me"), 405),
                Arguments.of("DELETE the run list", delete("/api/runs"), 405),
                Arguments.of("PUT a run", json(put("/api/runs/some-id"), "{}"), 405),
                Arguments.of("PATCH a run", json(patch("/api/runs/some-id"), "{}"), 405),
                Arguments.of("answer in XML", get("/api/me").accept(MediaType.APPLICATION_XML), 406),
                Arguments.of("answer as an image", get("/api/runs").accept(MediaType.IMAGE_PNG), 406));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void everyRefusalIsOneJsonLine(String what, MockHttpServletRequestBuilder request, int expected) throws Exception {
        long before = runs.count();
        MockHttpServletResponse response = mvc.perform(request.with(httpBasic("api.errors", TestAccounts.PASSWORD)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(what).isEqualTo(expected);
        assertOneJsonLine(what, response);
        assertThat(runs.count()).as("nothing queued").isEqualTo(before);
    }

    @Test
    void aRefusedMethodSaysWhichOnesTheAddressTakes() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/me").with(httpBasic("api.errors", TestAccounts.PASSWORD)))
                .andReturn().getResponse();
        assertThat(response.getContentAsString()).contains("does not take POST", "GET");
    }

    @Test
    void anErrorForwardedFromAnApiRequestIsJsonWhateverTheAcceptHeader() throws Exception {
        for (MediaType accept : List.of(MediaType.APPLICATION_XML, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)) {
            MockHttpServletResponse response = mvc.perform(get("/error").accept(accept)
                    .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/runs/%2e%2e"))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(accept.toString()).isEqualTo(400);
            assertOneJsonLine(accept.toString(), response);
        }
    }

    @Test
    void openingTheErrorPageItselfIsA404NotA500() throws Exception {
        for (MediaType accept : List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML)) {
            assertThat(mvc.perform(get("/error").accept(accept)).andReturn().getResponse().getStatus())
                    .as(accept.toString()).isEqualTo(404);
        }
    }

    static void assertOneJsonLine(String what, MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).as(what).startsWith(MediaType.APPLICATION_JSON_VALUE);
        String body = response.getContentAsString();
        assertThat(body).as(what).startsWith("{\"error\":\"").doesNotContain("Exception", "\tat ", "org.springframework",
                "<html");
    }
}
