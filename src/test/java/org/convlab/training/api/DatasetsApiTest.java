package org.convlab.training.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.Optional;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.dataset.TestDatasets;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.StoredDataset;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.convlab.training.queue.RunJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/datasets, and runs asked for on a chosen data set through POST /api/runs: a preset is
 * fitted to the set, a given spec must fit, and a key the learner may not use queues nothing.
 * The worker is off: runs stay queued.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class DatasetsApiTest {

    @Autowired WebApplicationContext context;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired DatasetCatalog catalog;
    @Autowired RunJobRepository runs;

    MockMvc mvc;
    static String ownKey;
    static String othersKey;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        AppUser owner = TestAccounts.ensure(users, encoder, "ds.owner", Role.LEARNER);
        AppUser other = TestAccounts.ensure(users, encoder, "ds.other", Role.LEARNER);
        if (ownKey == null) {
            ownKey = register(owner, "Red or green");
            othersKey = register(other, "Someone else's");
        }
    }

    private String register(AppUser owner, String name) {
        Path folder = catalog.newFolder(owner, name);
        TestDatasets.colour(folder, name, 20, 10);
        return catalog.register(owner, null, StoredDataset.Source.IMPORT, name, folder).key();
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, TestAccounts.PASSWORD);
    }

    private org.springframework.test.web.servlet.ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/api/runs").with(as("ds.owner")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theListHoldsTheBuiltInSetsAndTheLearnersOwnButNobodyElses() throws Exception {
        mvc.perform(get("/api/datasets").with(as("ds.owner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("fashion-mnist"))
                .andExpect(jsonPath("$[0].channels").value(1))
                .andExpect(jsonPath("$[0].imageSize").value(28))
                .andExpect(jsonPath("$[0].classes.length()").value(10))
                .andExpect(jsonPath("$[0].whose").value("built in"))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].name").value("Red or green"))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].channels").value(3))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].imageSize").value(32))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].trainCount").value(20))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].testCount").value(10))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].whose").value("yours"))
                .andExpect(jsonPath("$[*].key", not(hasItem(othersKey))));
        mvc.perform(get("/api/datasets")).andExpect(status().isUnauthorized());
    }

    /** {@code whose} is words for a person: in the caller's language; keys, names and numbers are data. */
    @Test
    void whoseFollowsTheAcceptLanguageAndTheDataStaysAsItIs() throws Exception {
        mvc.perform(get("/api/datasets").with(as("ds.owner")).header("Accept-Language", "es-ES,es;q=0.9,en;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("fashion-mnist"))
                .andExpect(jsonPath("$[0].name").value("Fashion-MNIST"))
                .andExpect(jsonPath("$[0].classes[0]").value("T-shirt/top"))
                .andExpect(jsonPath("$[0].trainCount").value(60000))
                .andExpect(jsonPath("$[0].whose").value("incluido"))
                .andExpect(jsonPath("$[?(@.key == '" + ownKey + "')].whose").value("tuyo"));
        mvc.perform(get("/api/datasets").with(as("ds.owner")).header("Accept-Language", "de"))
                .andExpect(jsonPath("$[0].whose").value("eingebaut"));
        // A language ConvLab is not written in, or a header that is not a language list: English.
        for (String language : new String[] {"fr-FR", "*", ";;;", "x".repeat(300)}) {
            mvc.perform(get("/api/datasets").with(as("ds.owner")).header("Accept-Language", language))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].whose").value("built in"));
        }
    }

    @Test
    void aPresetOnAColourSetIsFittedToItsImagesAndClasses() throws Exception {
        String body = submit("{\"preset\":\"baseline-cnn\",\"hyperparameters\":{\"epochs\":1,\"dataset\":\"" + ownKey + "\"}}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        RunJob job = runs.findById(JsonMapper.builder().build().readTree(body).get("id").asText()).orElseThrow();
        var spec = org.convlab.model.StrictJson.MAPPER.readValue(job.getSpecJson(), org.convlab.model.ModelSpec.class);
        assertThat(spec.inputOrDefault().channels()).isEqualTo(3);
        assertThat(spec.inputOrDefault().height()).isEqualTo(32);
        assertThat(spec.classesOrDefault()).isEqualTo(2);
        assertThat(RunJson.hyperparameters(job.getHyperparametersJson()).dataset()).isEqualTo(ownKey);
    }

    @Test
    void aPresetOnTheColourDemoSetComesWithAMatchingModel() throws Exception {
        var demo = catalog.require(Optional.empty(), "colour-shapes");
        String body = submit("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":1,\"dataset\":\"colour-shapes\"}}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        RunJob job = runs.findById(JsonMapper.builder().build().readTree(body).get("id").asText()).orElseThrow();
        var spec = org.convlab.model.StrictJson.MAPPER.readValue(job.getSpecJson(), org.convlab.model.ModelSpec.class);
        assertThat(spec.inputOrDefault()).isEqualTo(new org.convlab.model.ModelSpec.InputShape(demo.channels(),
                demo.imageSize(), demo.imageSize()));
        assertThat(spec.classesOrDefault()).isEqualTo(demo.classNames().size());
        mvc.perform(get("/api/datasets").with(as("ds.owner")))
                .andExpect(jsonPath("$[?(@.key == 'colour-shapes')].channels").value(3));
    }

    @Test
    void aRecipeOnAColourSetIsFittedToo() throws Exception {
        submit("{\"recipe\":\"quick\",\"hyperparameters\":{\"epochs\":1,\"dataset\":\"" + ownKey + "\"}}")
                .andExpect(status().isCreated());
    }

    @Test
    void aGivenSpecThatDoesNotFitTheSetIsRefusedClearly() throws Exception {
        long before = runs.count();
        submit("{\"spec\":{\"name\":\"gray\",\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10,"
                + "\"activation\":\"softmax\"}]},\"hyperparameters\":{\"dataset\":\"" + ownKey + "\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("the model takes 1×28×28 images")))
                .andExpect(jsonPath("$.error").value(containsString("set the model's input to 3×32×32")));
        assertThat(runs.count()).isEqualTo(before);
    }

    @Test
    void forgedKeysGetOneLineAndQueueNothing() throws Exception {
        long before = runs.count();
        String[] forged = {othersKey, "../x", "x".repeat(500), "bad\\u0000key", "tab\\tkey", "no-such-set",
                "Fashion-MNIST", "colour-shapes/../../etc"};
        for (String key : forged) {
            for (String model : new String[] {"\"preset\":\"dense\"", "\"recipe\":\"quick\"",
                    "\"spec\":{\"name\":\"x\",\"input\":{\"channels\":3,\"height\":32,\"width\":32},\"classes\":2,"
                            + "\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":2}]}"}) {
                String answer = submit("{" + model + ",\"hyperparameters\":{\"dataset\":\"" + key + "\"}}")
                        .andExpect(status().isBadRequest())
                        .andReturn().getResponse().getContentAsString();
                String error = JsonMapper.builder().build().readTree(answer).get("error").asText();
                assertThat(error).as(key).doesNotContain("\n").doesNotContain("target/").hasSizeLessThan(300)
                        .containsIgnoringCase("data set");
                assertThat(error).as(key).doesNotContain("Someone else's");
            }
        }
        assertThat(runs.count()).as("nothing queued").isEqualTo(before);
    }

    @Test
    void theOtherLearnersSetIsRefusedWithTheSameLineAsAMissingOne() throws Exception {
        String theirs = submit("{\"preset\":\"dense\",\"hyperparameters\":{\"dataset\":\"" + othersKey + "\"}}")
                .andReturn().getResponse().getContentAsString();
        String missing = submit("{\"preset\":\"dense\",\"hyperparameters\":{\"dataset\":\"" + othersKey + "x\"}}")
                .andReturn().getResponse().getContentAsString();
        assertThat(theirs.replace(othersKey, "KEY")).isEqualTo(missing.replace(othersKey + "x", "KEY"));
        assertThat(catalog.mayUse(users.findByUsername("ds.other").orElseThrow(), othersKey)).isTrue();
        assertThat(catalog.choicesFor(Optional.empty())).allMatch(c -> c.whose().equals("built in"));
    }

    private org.springframework.test.web.servlet.ResultActions upload(byte[] zip) throws Exception {
        return mvc.perform(post("/api/runs/upload").with(as("ds.owner")).contentType("application/zip").content(zip));
    }

    /** An uploaded colour run must name a data set the uploader may use here, and fit it. */
    @Test
    void anUploadedRunOnSomeoneElsesOrAMissingSetIsRefusedAndOneOnTheirOwnIsKept() throws Exception {
        long before = runs.count();
        for (String key : new String[] {othersKey, "no-such-set"}) {
            upload(org.convlab.training.engine.UploadFixtures.colourZip(key))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("This run was trained on a data set this server does not have"
                            + " (\"" + key + "\"); upload it to the ConvLab it was trained on, or import that data set here first"));
        }
        // The colour run, its settings naming no set: not Fashion-MNIST's shape.
        upload(org.convlab.training.engine.UploadFixtures.colourZip(null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("3×32×32 (colour) images; Fashion-MNIST here has")));
        assertThat(runs.count()).as("nothing stored").isEqualTo(before);

        String body = upload(org.convlab.training.engine.UploadFixtures.colourZip(ownKey))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(containsString("(uploaded)")))
                .andReturn().getResponse().getContentAsString();
        RunJob job = runs.findById(JsonMapper.builder().build().readTree(body).get("id").asText()).orElseThrow();
        assertThat(job.getGridKind()).isEqualTo(RunJob.UPLOAD_KIND);
        assertThat(RunJson.hyperparameters(job.getHyperparametersJson()).dataset()).isEqualTo(ownKey);
    }
}
