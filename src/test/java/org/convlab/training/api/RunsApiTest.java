package org.convlab.training.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.account.TestAccounts;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.convlab.training.engine.RunState;

/**
 * The runs API, and every call tried as the wrong account. The server's own worker is off, so
 * submitted runs stay queued and nothing trains here.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class RunsApiTest {

    @Autowired WebApplicationContext context;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;
    @Autowired PasswordEncoder encoder;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        AppUser owner = TestAccounts.ensure(users, encoder, "api.owner", Role.LEARNER);
        TestAccounts.ensure(users, encoder, "api.other", Role.LEARNER);
        if (classes.findByJoinCode("API-OWN").isEmpty()) {
            SchoolClass own = new SchoolClass("Owner's", "API-OWN", TestAccounts.ensure(users, encoder, "api.teacher", Role.TEACHER));
            own.getMembers().add(owner);
            classes.save(own);
            classes.save(new SchoolClass("Other", "API-OTH", TestAccounts.ensure(users, encoder, "api.stranger", Role.TEACHER)));
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
        return httpBasic(user, TestAccounts.PASSWORD);
    }

    private String submitAsOwner() throws Exception {
        String body = mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":2,\"limit\":1000}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.epochs").value(2))
                .andExpect(jsonPath("$.ahead").isNumber())
                .andReturn().getResponse().getContentAsString();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("id").asText();
    }

    @Test
    void theOwnerSubmitsFollowsAndCancelsTheirRun() throws Exception {
        String id = submitAsOwner();
        mvc.perform(get("/api/runs/" + id).with(as("api.owner")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("dense"));
        mvc.perform(get("/api/runs").with(as("api.owner")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        mvc.perform(delete("/api/runs/" + id).with(as("api.owner")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("cancelled"));
    }

    @Test
    void anotherLearnerIsRefusedEverythingAndChangesNothing() throws Exception {
        String id = submitAsOwner();
        mvc.perform(get("/api/runs/" + id).with(as("api.other"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("No such run, or it is not yours."));
        mvc.perform(delete("/api/runs/" + id).with(as("api.other"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/" + id + "/download").with(as("api.other"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/runs/" + id + "/front").with(as("api.other"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs").with(as("api.other")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
        org.assertj.core.api.Assertions.assertThat(runs.findById(id).orElseThrow().getStatus()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void onlyTheOwnersTeacherSeesTheRunAndMayMoveItForward() throws Exception {
        String id = submitAsOwner();
        mvc.perform(get("/api/runs/" + id).with(as("api.stranger"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/runs/" + id + "/front").with(as("api.stranger"))).andExpect(status().isNotFound());
        // The owner may see the run, so being told that only a teacher may move it reveals nothing.
        mvc.perform(post("/api/runs/" + id + "/front").with(as("api.owner"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Only the learner's teacher can move a run forward."));
        mvc.perform(post("/api/runs/" + id + "/front").with(as("api.owner")).header("Accept-Language", "de"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Nur die Lehrkraft der lernenden Person kann einen Lauf in der"
                        + " Warteschlange nach vorne holen."));
        mvc.perform(get("/api/runs/" + id).with(as("api.teacher"))).andExpect(status().isOk());
        mvc.perform(post("/api/runs/" + id + "/front").with(as("api.teacher"))).andExpect(status().isOk());
    }

    @Test
    void badRequestsGetOneClearLineAndQueueNothing() throws Exception {
        long before = runs.count();
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("not valid JSON")));
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON).content("{\"preset\":\"nope\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("unknown preset")));
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"spec\":{\"name\":\"x\",\"layers\":[{\"type\":\"dense\",\"units\":3,\"activation\":\"softmax\"}]}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":0}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("epochs")));
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epoks\":3}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("unknown setting 'epoks'")));
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"device\":\"quantum\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("setting device: must be one of: cpu, gpu, auto, not quantum"));
        mvc.perform(get("/api/runs/no-such-run").with(as("api.owner"))).andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThat(runs.count()).isEqualTo(before);
    }

    /** Someone else's run and a missing one get byte-for-byte the same answer, for every call. */
    @Test
    void someoneElsesRunAndAMissingOneAnswerAlike() throws Exception {
        String id = submitAsOwner();
        String[][] calls = {{"GET", ""}, {"DELETE", ""}, {"GET", "/download"}, {"POST", "/front"}};
        for (String[] call : calls) {
            var theirs = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .request(org.springframework.http.HttpMethod.valueOf(call[0]), "/api/runs/" + id + call[1])
                    .with(as("api.other"))).andReturn().getResponse();
            var missing = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .request(org.springframework.http.HttpMethod.valueOf(call[0]), "/api/runs/no-such-run" + call[1])
                    .with(as("api.other"))).andReturn().getResponse();
            org.assertj.core.api.Assertions.assertThat(theirs.getStatus()).as(call[0] + call[1]).isEqualTo(404);
            org.assertj.core.api.Assertions.assertThat(missing.getStatus()).as(call[0] + call[1]).isEqualTo(404);
            org.assertj.core.api.Assertions.assertThat(theirs.getContentAsString()).as(call[0] + call[1])
                    .isEqualTo(missing.getContentAsString()).isEqualTo("{\"error\":\"No such run, or it is not yours.\"}");
        }
    }

    /** A run beyond the learner's class budget: one line saying what to change, and nothing queued. */
    @Test
    void aRunBeyondTheBudgetIsRefusedWithWhatToChange() throws Exception {
        String name = "api.budget" + java.util.UUID.randomUUID().toString().substring(0, 6);
        AppUser learner = TestAccounts.ensure(users, encoder, name, Role.LEARNER);
        SchoolClass room = new SchoolClass("Budgeted", "API-" + name.substring(10),
                TestAccounts.ensure(users, encoder, "api.teacher", Role.TEACHER));
        room.getMembers().add(learner);
        room.setBudget(250_000L, 1);
        classes.save(room);
        long before = runs.count();
        mvc.perform(post("/api/runs").with(as(name)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":5,\"limit\":60000}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("This run would train on 60,000 images × 5 epochs = 300,000; "
                        + "your runs may use at most 250,000 each. Choose at most 50,000 images, or at most 4 epochs."));
        org.assertj.core.api.Assertions.assertThat(runs.count()).as("nothing queued").isEqualTo(before);

        mvc.perform(post("/api/runs").with(as(name)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":5,\"limit\":50000}}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/runs").with(as(name)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":1,\"limit\":1000}}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("You already have 1 run waiting, the most you may have. "
                        + "Wait for one to start, or cancel one."));
        org.assertj.core.api.Assertions.assertThat(runs.count()).as("only the run that fits").isEqualTo(before + 1);
    }

    /** The API's one line follows Accept-Language (German, Spanish); without the header it stays English. */
    @Test
    void refusalsAnswerInTheLanguageTheCallerAccepts() throws Exception {
        String name = "api.de" + java.util.UUID.randomUUID().toString().substring(0, 6);
        AppUser learner = TestAccounts.ensure(users, encoder, name, Role.LEARNER);
        SchoolClass room = new SchoolClass("Budgetiert", "API-" + name.substring(6),
                TestAccounts.ensure(users, encoder, "api.teacher", Role.TEACHER));
        room.getMembers().add(learner);
        room.setBudget(250_000L, 1);
        classes.save(room);
        mvc.perform(post("/api/runs").with(as(name)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")
                        .content("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":5,\"limit\":60000}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Dieser Lauf würde mit 60.000 Bildern × 5 Epochen = 300.000 "
                        + "trainieren; deine Läufe dürfen jeweils höchstens 250.000 verwenden. Wähle höchstens 50.000 "
                        + "Bilder oder höchstens 4 Epochen."));
        mvc.perform(get("/api/runs/no-such-run").with(as(name)).header("Accept-Language", "de"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Diesen Lauf gibt es nicht, oder er gehört nicht dir."));
        mvc.perform(get("/api/runs/no-such-run").with(as(name)).header("Accept-Language", "es"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("No existe esa ejecución o no es tuya."));
        mvc.perform(get("/api/runs/no-such-run").with(as(name)))
                .andExpect(jsonPath("$.error").value("No such run, or it is not yours."));
    }

    /** A stored run's problem is written in the caller's language; an old run's English reads as stored. */
    @Test
    void aStoredProblemAnswersInTheLanguageTheCallerAccepts() throws Exception {
        String id = submitAsOwner();
        RunJob job = runs.findById(id).orElseThrow();
        job.setStatus(RunState.FAILED);
        job.setProblem(org.convlab.i18n.Text.of("training.stored.unreadable"));
        runs.save(job);
        mvc.perform(get("/api/runs/" + id).with(as("api.owner")).header("Accept-Language", "es"))
                .andExpect(jsonPath("$.problem").value("No se pueden leer los ajustes guardados de esta ejecución,"
                        + " así que no se puede entrenar; envíala de nuevo."));
        mvc.perform(get("/api/runs/" + id).with(as("api.owner")).header("Accept-Language", "de"))
                .andExpect(jsonPath("$.problem").value(org.hamcrest.Matchers.startsWith("Die gespeicherten Einstellungen")));
        mvc.perform(get("/api/runs/" + id).with(as("api.owner")))
                .andExpect(jsonPath("$.problem").value("This run's stored settings cannot be read, so it cannot be trained;"
                        + " submit it again."));

        job = runs.findById(id).orElseThrow();
        job.setProblem("Stored in English before runs stored words.");
        runs.save(job);
        mvc.perform(get("/api/runs/" + id).with(as("api.owner")).header("Accept-Language", "de"))
                .andExpect(jsonPath("$.problem").value("Stored in English before runs stored words."));
    }

    @Test
    void aGuestIsAskedToSignIn() throws Exception {
        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{\"preset\":\"dense\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Autowired org.convlab.training.queue.RunQueue queue;

    @Test
    void theTrainPagesDefaultRunIsOfferedAsJsonThatPostTakesAsItIs() throws Exception {
        // No run has finished here: the server's speed is measured once (a few seconds of training).
        queue.times().measure("cpu").get(3, java.util.concurrent.TimeUnit.MINUTES);
        String body = mvc.perform(get("/api/runs/defaults").with(as("api.owner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preset").value("dense"))
                .andExpect(jsonPath("$.hyperparameters.epochs").value(5))
                .andExpect(jsonPath("$.hyperparameters.batchSize").value(64))
                .andExpect(jsonPath("$.estimatedSeconds").isNumber())
                .andReturn().getResponse().getContentAsString();
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var defaults = mapper.readTree(body);
        long seconds = defaults.get("estimatedSeconds").asLong();
        var limit = defaults.get("hyperparameters").get("limit");
        // The largest subset that trains in about a minute here (all images: no limit), or the smallest.
        org.assertj.core.api.Assertions.assertThat(seconds <= 75 || (limit != null && limit.asInt() == 1_000))
                .as(body).isTrue();

        var request = mapper.createObjectNode();
        request.set("preset", defaults.get("preset"));
        request.set("hyperparameters", defaults.get("hyperparameters"));
        mvc.perform(post("/api/runs").with(as("api.owner")).contentType(MediaType.APPLICATION_JSON)
                        .content(mapper.writeValueAsString(request)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.estimatedSeconds").isNumber())
                .andExpect(jsonPath("$.ahead").isNumber())
                .andExpect(jsonPath("$.estimatedWaitSeconds").isNumber());
    }

    @Test
    void settingsLeftOutAreTheTrainPagesDefaultsNotAllSixtyThousandImages() throws Exception {
        queue.times().measure("cpu").get(3, java.util.concurrent.TimeUnit.MINUTES);
        // In a class whose budget is 50,000 image-epochs: all 60,000 images for 5 epochs is far over it.
        AppUser learner = TestAccounts.ensure(users, encoder, "api.budgeted", Role.LEARNER);
        if (classes.findByJoinCode("API-BUD").isEmpty()) {
            SchoolClass budgeted = new SchoolClass("Budgeted", "API-BUD",
                    TestAccounts.ensure(users, encoder, "api.teacher", Role.TEACHER));
            budgeted.getMembers().add(learner);
            budgeted.setBudget(50_000L, 12);
            classes.save(budgeted);
        }
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var defaults = mapper.readTree(mvc.perform(get("/api/runs/defaults").with(as("api.budgeted")))
                .andReturn().getResponse().getContentAsString()).get("hyperparameters");
        String body = mvc.perform(post("/api/runs").with(as("api.budgeted")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\": \"dense\", \"hyperparameters\": {\"seed\": 5}}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = mapper.readTree(body).get("id").asText();
        try {
            var stored = org.convlab.training.queue.RunJson.hyperparameters(runs.findById(id).orElseThrow()
                    .getHyperparametersJson());
            org.assertj.core.api.Assertions.assertThat(stored.limit())
                    .isEqualTo(defaults.get("limit").isNull() ? null : defaults.get("limit").asInt());
            org.assertj.core.api.Assertions.assertThat(stored.epochs()).isEqualTo(defaults.get("epochs").asInt());
            org.assertj.core.api.Assertions.assertThat(stored.seed()).isEqualTo(5);
            org.assertj.core.api.Assertions.assertThat((long) stored.limit() * stored.epochs()).isLessThanOrEqualTo(50_000L);
        } finally {
            queue.cancel(id);
        }
    }

    @Test
    void theDefaultRunNeedsAnAccount() throws Exception {
        mvc.perform(get("/api/runs/defaults")).andExpect(status().isUnauthorized());
    }
}
