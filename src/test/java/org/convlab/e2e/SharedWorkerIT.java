package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One worker, two learners: another learner's long run is training when the test learner starts a
 * short one in the browser. With time slices the long run gives the worker back, the short run
 * finishes on its page, and the long run is still far from done, waiting for its next turn.
 */
class SharedWorkerIT extends BrowserTest {

    @Test
    void aShortRunFinishesWhileAnotherLearnersLongRunIsStillTraining() throws Exception {
        AppProcess app = RunningApp.get();
        QueueClient.createLearner(AppProcess.jdbcUrl(RunningApp.dbDir()), "e2e.long.runner", "long-runner-password");
        QueueClient longRunner = new QueueClient(app, "e2e.long.runner", "long-runner-password");
        // Minutes of training on one thread: far longer than the short run and a few slices.
        QueueClient.Reply submitted = longRunner.submit(QueueClient.TINY_SPEC,
                "{\"epochs\":20,\"limit\":60000,\"batchSize\":32,\"device\":\"cpu\",\"threads\":1}");
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
        String longId = submitted.body().get("id").asText();
        try {
            QueueRecoveryIT.awaitRun(longRunner, longId, r -> r.get("status").asText().equals("running"),
                    Duration.ofMinutes(2), app);

            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                signInAsLearner(page);
                TrainingPages.startRun(page, "dense", 1);
                // Waiting first: the long run has the worker until its slice ends.
                page.waitForSelector(".run-state[data-state='DONE']", new Page.WaitForSelectorOptions().setTimeout(120_000));
            }

            JsonNode longRun = longRunner.get("api/runs/" + longId).body();
            assertThat(longRun.get("status").asText()).as("the long run goes on after the short one: " + longRun)
                    .isIn("running", "queued");
            assertThat(longRun.get("epochsDone").asInt()).isLessThan(20);
        } finally {
            longRunner.cancel(longId);
        }
    }
}
