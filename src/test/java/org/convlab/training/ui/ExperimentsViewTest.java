package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Duration;
import org.convlab.account.SignedIn;
import org.convlab.training.engine.ExperimentGrid;
import org.convlab.training.queue.LiveRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;
import org.convlab.training.engine.RunState;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.training.queue.RunQueue;
import org.convlab.account.TestAccounts;

@SignedIn
@Tag("database")
@SpringBootTest
class ExperimentsViewTest extends SpringBrowserlessTest {

    @Autowired
    RunQueue queue;
    @Autowired
    AppUserRepository users;
    private long me;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        me = TestAccounts.as(users, "grace", Role.LEARNER).getId();
    }

    @Test
    void aPoolingGridQueuesBothVariantsAndComparesThem() throws InterruptedException {
        ExperimentsView view = navigate(ExperimentsView.class);
        test(view.model).selectItem("baseline-cnn");
        test(view.epochs).setValue(1);
        test(view.images).selectItem("first 1,000 (quick)");
        test(view.kind).selectItem(ExperimentGrid.Kind.POOLING.title() + ": " + ExperimentGrid.Kind.POOLING.question());
        int before = queue.gridsOf(me).size();

        test(view.start).click();

        assertThat(queue.gridsOf(me)).hasSize(before + 1);
        var grid = queue.gridsOf(me).getFirst();
        assertThat(grid.runs()).hasSize(2);
        assertThat(grid.runs()).extracting(grid::label).containsExactly("max pooling", "average pooling");
        GridPanel panel = find(GridPanel.class, view.results).first();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!grid.runs().stream().allMatch(LiveRun::finished) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        panel.refresh();
        assertThat(grid.runs()).allSatisfy(r -> assertThat(r.state()).as(r.problem()).isEqualTo(RunState.DONE));
        assertThat(panel.accuracy.config().labels()).containsExactly("max pooling", "average pooling");
        assertThat(panel.accuracy.config().seriesValues(0)).allSatisfy(v -> assertThat(v.doubleValue()).isGreaterThan(50));
    }

    @Test
    void withoutAGpuTheDeviceComparisonIsExplainedNotOffered() {
        ExperimentsView view = navigate(ExperimentsView.class);
        assertThat(view.getElement().getTextRecursively()).contains("CPU vs GPU is not offered", "No NVIDIA GPU is usable on this server", "377 s");
        assertThat(view.kind.getListDataView().getItems()).doesNotContain(ExperimentGrid.Kind.DEVICE);
    }
}
