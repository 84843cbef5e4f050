package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.router.RouterLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.convlab.account.TestAccounts;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.UploadFixtures;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Runs page's "Upload a run (.zip)": a good zip becomes a run with a link to it; a bad one, one line. */
@SignedIn(username = "uploader")
@Tag("database")
@SpringBootTest(properties = "convlab.runs-dir=target/test-runs-upload-view")
class RunUploadViewTest extends SpringBrowserlessTest {

    @Autowired
    RunQueue queue;
    @Autowired
    AppUserRepository users;

    private List<RunJob> mine() {
        return queue.runsOf(TestAccounts.as(users, "uploader", Role.LEARNER).getId());
    }

    @Test
    void anUploadedZipBecomesARunWithALinkToIt() {
        RunsView view = navigate(RunsView.class);
        List<String> before = mine().stream().map(RunJob::getId).toList();

        test(view.upload.upload).upload("tiny.zip", "application/zip", UploadFixtures.zip());
        roundTrip();

        List<RunJob> added = mine().stream().filter(r -> !before.contains(r.getId())).toList();
        assertThat(added).hasSize(1);
        RunJob uploaded = added.getFirst();
        assertThat(uploaded.getStatus()).isEqualTo(RunState.DONE);
        RouterLink link = find(RouterLink.class, view.upload.result).single();
        assertThat(link.getText()).isEqualTo("tiny-cnn (uploaded)");
        assertThat(link.getHref()).isEqualTo("runs/" + uploaded.getId());

        // The link opens a run page that measures the uploaded model like any other run.
        RunView page = navigate(link.getHref(), RunView.class);
        // Its page says it was uploaded, and what it trained on.
        assertThat(find(com.vaadin.flow.component.html.H1.class, page).single().getText()).isEqualTo("tiny-cnn (uploaded)");
        assertThat(page.getElement().getTextRecursively()).contains("Trained on Fashion-MNIST · 1 epoch · ");
        RunViewTest.await(page.measuredShown);
        double accuracy = RunStore.readRecord(UploadFixtures.run()).metrics().testAccuracy();
        assertThat(page.getElement().getTextRecursively()).contains(uploaded.getId()).contains(RunText.percent(accuracy));
    }

    @Test
    void theRunsTableNamesTheDataSetAndMarksUploadsAndARunOnAGoneSetSaysSo() {
        RunsView view = navigate(RunsView.class);
        test(view.upload.upload).upload("tiny.zip", "application/zip", UploadFixtures.zip());
        roundTrip();
        navigate(find(RouterLink.class, view.upload.result).single().getHref(), RunView.class);
        view = navigate(RunsView.class);
        var table = test((com.vaadin.flow.component.grid.Grid<org.convlab.training.queue.TrainingService.SavedRun>) view.table);
        assertThat(table.getCellText(0, table.getColumnPosition("Data set"))).isEqualTo("Fashion-MNIST");
        assertThat(((RouterLink) table.getCellComponent(0, table.getColumnPosition("model"))).getText())
                .isEqualTo("tiny-cnn (uploaded)");
        assertThat(analyses.datasetName(org.convlab.training.engine.Hyperparameters.defaults().withDataset("deleted-set-1")))
                .isEqualTo("a data set no longer on this server");
    }

    @Autowired
    RunAnalysisService analyses;

    @Test
    void aFileThatIsNotARunIsOneLineAndStoresNothing() {
        RunsView view = navigate(RunsView.class);
        int before = mine().size();

        test(view.upload.upload).upload("holiday.zip", "application/zip", "no zip here".getBytes(StandardCharsets.UTF_8));
        roundTrip();

        assertThat(mine()).hasSize(before);
        assertThat(view.upload.result.getElement().getTextRecursively())
                .isEqualTo("Not uploaded: the file is not a zip; choose the .zip that a run's Download gave you.");
        assertThat(find(RouterLink.class, view.upload.result).all()).isEmpty();
    }
}
