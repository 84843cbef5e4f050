package org.convlab.training.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.djl.Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.UploadFixtures;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.RunUploads;
import org.convlab.training.queue.TrainingService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Models come back (issue 17): a run downloaded by one learner and uploaded by a classmate is a run
 * of the classmate's that predicts exactly as the original; a broken upload stores nothing.
 */
@Tag("database")
@SpringBootTest(properties = {"convlab.worker.enabled=false", "convlab.runs-dir=target/test-runs-upload-api"})
class RunUploadApiTest {

    @Autowired WebApplicationContext context;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired RunJobRepository runs;
    @Autowired RunQueue queue;
    @Autowired TrainingService training;

    MockMvc mvc;
    AppUser owner;
    AppUser classmate;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        owner = TestAccounts.ensure(users, encoder, "upload.owner", Role.LEARNER);
        classmate = TestAccounts.ensure(users, encoder, "upload.classmate", Role.LEARNER);
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, TestAccounts.PASSWORD);
    }

    /** The fixture run, as a run of the owner's in the app's runs folder. */
    private String ownersRun() throws Exception {
        Path dir = training.runsDir().resolve("upload-source-" + System.nanoTime());
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(UploadFixtures.run())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return queue.adopt(owner.getId(), dir).getId();
    }

    private byte[] download(String id) throws Exception {
        MvcResult started = mvc.perform(get("/api/runs/" + id + "/download").with(as("upload.owner")))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static String idOf(MvcResult result) throws Exception {
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(result.getResponse().getContentAsString()).get("id").asText();
    }

    @Test
    void aDownloadedRunUploadedByAClassmatePredictsIdentically() throws Exception {
        String original = ownersRun();
        byte[] zip = download(original);

        String copy = idOf(mvc.perform(post("/api/runs/upload").with(as("upload.classmate"))
                        .contentType("application/zip").content(zip))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("done"))
                .andExpect(jsonPath("$.name").value("tiny-cnn (uploaded)"))
                .andReturn());

        RunJob job = runs.findById(copy).orElseThrow();
        RunJob source = runs.findById(original).orElseThrow();
        assertThat(job.getOwnerId()).isEqualTo(classmate.getId());
        assertThat(job.getStatus()).isEqualTo(RunState.DONE);
        assertThat(job.getSpecJson()).isEqualTo(source.getSpecJson());
        assertThat(job.getHyperparametersJson()).isEqualTo(source.getHyperparametersJson());
        assertThat(job.getHistoryJson()).isEqualTo(source.getHistoryJson());
        assertThat(job.getMetricsJson()).isEqualTo(source.getMetricsJson());
        assertThat(job.getTestAccuracy()).isEqualTo(source.getTestAccuracy());
        mvc.perform(get("/api/runs/" + copy).with(as("upload.classmate"))).andExpect(status().isOk());

        ImageSet test = FashionMnistArrays.test().first(100);
        try (TrainedModel a = RunStore.load(Path.of(source.getDir()), Device.cpu());
                TrainedModel b = RunStore.load(Path.of(job.getDir()), Device.cpu())) {
            assertThat(b.probabilities(test.pixels(), test.size())).isDeepEqualTo(a.probabilities(test.pixels(), test.size()));
        }
    }

    @Test
    void aFormUploadWorksToo() throws Exception {
        byte[] zip = UploadFixtures.zip();
        mvc.perform(multipart("/api/runs/upload").file(new MockMultipartFile("file", "run.zip", "application/zip", zip))
                        .with(as("upload.classmate")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("done"));
    }

    @Test
    void aBrokenUploadIsOneLineAndStoresNothing() throws Exception {
        List<String> folders = folders();
        long rows = runs.count();
        mvc.perform(post("/api/runs/upload").with(as("upload.classmate")).contentType("application/zip")
                        .content("not a zip".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("not a zip")));
        byte[] bomb = zipOfZeros();
        mvc.perform(multipart("/api/runs/upload").file(new MockMultipartFile("file", "run.zip", "application/zip", bomb))
                        .with(as("upload.classmate")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("zip bomb")));
        assertThat(runs.count()).isEqualTo(rows);
        assertThat(folders()).isEqualTo(folders);
    }

    @Test
    void anUploadNeedsAnAccount() throws Exception {
        mvc.perform(post("/api/runs/upload").contentType("application/zip").content(UploadFixtures.zip()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aLearnerKeepsAtMostTwentyUploads() throws Exception {
        AppUser busy = TestAccounts.ensure(users, encoder, "upload.busy", Role.LEARNER);
        var record = RunStore.readRecord(UploadFixtures.run());
        long kept = runs.countByOwnerIdAndGridKind(busy.getId(), RunJob.UPLOAD_KIND);
        for (long i = kept; i < RunUploads.MAX_UPLOADS_PER_LEARNER; i++) {
            runs.save(RunJob.uploaded("busy-upload-" + i + "-" + System.nanoTime(), busy.getId(), record,
                    UploadFixtures.run()));
        }
        List<String> folders = folders();
        mvc.perform(post("/api/runs/upload").with(as("upload.busy")).contentType("application/zip")
                        .content(UploadFixtures.zip()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("already keep 20 uploaded runs")));
        assertThat(runs.countByOwnerIdAndGridKind(busy.getId(), RunJob.UPLOAD_KIND))
                .isEqualTo(RunUploads.MAX_UPLOADS_PER_LEARNER);
        assertThat(folders()).isEqualTo(folders);
    }

    private List<String> folders() throws Exception {
        Files.createDirectories(training.runsDir());
        try (Stream<Path> list = Files.list(training.runsDir())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] zipOfZeros() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("r/run.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("r/model-0000.params"));
            zip.write(new byte[8 << 20]);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
