package org.convlab.training.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import org.convlab.training.engine.HostileRunRequestsTest;

/**
 * The hostile-request corpus (HostileRunRequestsTest) sent through {@code POST /api/runs}: every one
 * answers 400 with one JSON line naming the problem, and nothing is queued. The server's own worker
 * is off, so nothing trains here.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class RunsApiHostileTest {

    @Autowired WebApplicationContext context;
    @Autowired AppUserRepository users;
    @Autowired RunJobRepository runs;
    @Autowired PasswordEncoder encoder;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestAccounts.ensure(users, encoder, "api.hostile", Role.LEARNER);
    }

    private MockHttpServletResponse submit(String body) throws Exception {
        return mvc.perform(post("/api/runs").with(httpBasic("api.hostile", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    @Test
    void everyHostileRequestIsRefusedWithOneJsonLineAndNothingIsQueued() throws Exception {
        long before = runs.count();
        var cases = HostileRunRequestsTest.corpus();
        for (var c : cases) {
            MockHttpServletResponse response = submit(c.body());
            assertThat(response.getStatus()).as(c.body()).isEqualTo(400);
            String error = JsonMapper.builder().build().readTree(response.getContentAsString()).get("error").asString();
            // The server's limits differ from the corpus's fixed ones only in the thread count.
            if (!c.phrase().startsWith("threads is")) {
                assertThat(error).as(c.body()).contains(c.phrase());
            }
            HostileRunRequestsTest.assertOneCleanLine(error);
        }
        assertThat(runs.count()).as("nothing queued").isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() throws Exception {
        long before = runs.count();
        String huge = "{\"preset\":\"dense\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        MockHttpServletResponse response = submit(huge);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("larger than 256 KB");
        assertThat(runs.count()).isEqualTo(before);
    }

    @Test
    void aLongButAllowedNameIsQueuedNotAServerError() throws Exception {
        String name = "a-very-long-model-name-".repeat(4) + "x".repeat(8);
        MockHttpServletResponse response = submit("{\"spec\":{\"name\":\"" + name + "\",\"layers\":"
                + "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]},\"hyperparameters\":{\"epochs\":1,\"limit\":100}}");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(response.getContentAsString()).get("id").asString();
        assertThat(id).hasSizeLessThanOrEqualTo(120).matches("[A-Za-z0-9._-]+").doesNotStartWith(".");
        for (String dots : new String[] {".", "..", "../../escaped"}) {
            MockHttpServletResponse dotted = submit("{\"spec\":{\"name\":\"" + dots + "\",\"layers\":"
                    + "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]},\"hyperparameters\":{\"epochs\":1,\"limit\":100}}");
            assertThat(dotted.getStatus()).isEqualTo(201);
            String dottedId = JsonMapper.builder().build().readTree(dotted.getContentAsString()).get("id").asString();
            assertThat(dottedId).doesNotStartWith(".").doesNotContain("/");
        }
    }
}
