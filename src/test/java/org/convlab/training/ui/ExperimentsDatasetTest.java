package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.file.Path;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.convlab.account.TestAccounts;
import org.convlab.dataset.TestDatasets;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.StoredDataset;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.ExperimentGrid;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJson;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Experiments page on a data set of the learner's own: every variant of the grid trains on it,
 * the base preset fitted to its images and classes. The worker is off: the runs stay queued.
 */
@SignedIn(username = "ada")
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class ExperimentsDatasetTest extends SpringBrowserlessTest {

    @Autowired RunQueue queue;
    @Autowired AppUserRepository users;
    @Autowired DatasetCatalog catalog;

    @Test
    void theGridsVariantsTrainOnTheChosenSetWithThePresetFittedToIt() {
        AppUser me = TestAccounts.as(users, "ada", Role.LEARNER);
        Path folder = catalog.newFolder(me, "Red and green");
        TestDatasets.colour(folder, "Red and green", 30, 10);
        String key = catalog.register(me, null, StoredDataset.Source.IMPORT, "Red and green", folder).key();

        ExperimentsView view = navigate(ExperimentsView.class);
        assertThat(view.dataset.getValue().key()).isEqualTo("fashion-mnist");
        test(view.dataset).selectItem("Red and green (yours)");
        test(view.model).selectItem("baseline-cnn");
        test(view.epochs).setValue(1);
        assertThat(view.images.getItemLabelGenerator().apply(0)).isEqualTo("all 30");
        test(view.kind).selectItem(ExperimentGrid.Kind.POOLING.title() + ": " + ExperimentGrid.Kind.POOLING.question());
        int before = queue.gridsOf(me.getId()).size();

        test(view.start).click();

        assertThat(view.problem.isVisible()).as(view.problem.getText()).isFalse();
        assertThat(queue.gridsOf(me.getId())).hasSize(before + 1);
        var grid = queue.gridsOf(me.getId()).getFirst();
        assertThat(grid.runs()).hasSize(2);
        for (var run : grid.runs()) {
            RunJob job = queue.find(run.id()).orElseThrow();
            ModelSpec spec = ModelSpecJson.parse(job.getSpecJson());
            assertThat(spec.inputOrDefault()).isEqualTo(new ModelSpec.InputShape(3, 32, 32));
            assertThat(spec.classesOrDefault()).isEqualTo(2);
            assertThat(RunJson.hyperparameters(job.getHyperparametersJson()).dataset()).isEqualTo(key);
            queue.cancel(run.id());
        }
    }
}
