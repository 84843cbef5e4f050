package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import org.convlab.i18n.Text;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Duration;
import org.convlab.account.SignedIn;
import org.convlab.training.queue.LiveRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;
import org.convlab.training.engine.RunState;
import org.convlab.account.AppUserRepository;
import org.convlab.base.ui.PixelImage;
import java.util.function.Predicate;
import org.convlab.account.Role;
import org.convlab.training.queue.RunQueue;
import org.convlab.account.TestAccounts;
import java.util.UUID;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.TestModels;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobStore;
import org.convlab.training.queue.RunJson;

@SignedIn
@Tag("database")
@SpringBootTest
class TrainViewTest extends SpringBrowserlessTest {

    @Autowired
    RunQueue queue;
    @Autowired
    AppUserRepository users;
    @Autowired
    RunJobStore store;
    private long me;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        me = TestAccounts.as(users, "alan", Role.LEARNER).getId();
    }

    /**
     * A test that fails half-way must not leave a run training: the next test's run would wait
     * behind it (one run per learner), and its training would slow every later test class.
     */
    @org.junit.jupiter.api.AfterEach
    void cancelWhatIsLeft() {
        queue.runsOf(me).stream().filter(job -> !job.getStatus().finished()).forEach(job -> queue.cancel(job.getId()));
    }

    /**
     * The run just queued, as its dashboard follows it: a mirror of the stored run when the page
     * opened before this process's worker took it, which lags the training by up to a second.
     * Waiting on the page's own object is waiting for what the learner sees.
     */
    private static LiveRun followed(TrainingDashboardView dashboard) {
        return dashboard.run();
    }

    private static void await(LiveRun run, Predicate<LiveRun> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.test(run) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void startingARunOpensItsDashboardWhichShowsTheOutcome() throws InterruptedException {
        TrainView view = navigate(TrainView.class);
        test(view.model).selectItem("dense");
        test(view.form.epochs).setValue(1);
        test(view.form.images).selectItem("first 5,000 (quick)");
        int before = queue.runsOf(me).size();

        test(view.start).click();

        assertThat(queue.runsOf(me)).hasSize(before + 1);
        TrainingDashboardView dashboard = (TrainingDashboardView) getCurrentView();
        LiveRun run = followed(dashboard);
        assertThat(dashboard.title.getText()).isEqualTo("Training dense");
        await(run, LiveRun::finished);
        dashboard.show();
        assertThat(run.state()).as(run.problem()).isEqualTo(RunState.DONE);
        assertThat(dashboard.state.getText()).isEqualTo("done");
        assertThat(dashboard.device.getText()).startsWith("on cpu");
        assertThat(dashboard.progress.getValue()).isEqualTo(1.0);
        assertThat(dashboard.outcome.getElement().getTextRecursively()).contains("Test accuracy:", "Look inside this run");
        assertThat(dashboard.lossChart.config().seriesNames()).containsExactly("training", "validation");
        assertThat(dashboard.lossChart.config().seriesSize(0)).isPositive();
        assertThat(dashboard.cancel.isEnabled()).isFalse();
    }

    @Test
    void onTheColourSetTheModelTakesItsImagesAndTheFashionRecipesAreNotOffered() {
        com.vaadin.flow.component.UI.getCurrent().navigate("train",
                com.vaadin.flow.router.QueryParameters.of("dataset", "colour-shapes"));
        TrainView view = (TrainView) com.vaadin.flow.component.UI.getCurrent().getCurrentView();
        assertThat(view.dataset.key()).isEqualTo("colour-shapes");
        assertThat(view.recipes.isVisible()).as("recipes were measured on Fashion-MNIST").isFalse();
        view.model.setValue("dense");
        // Flatten 32·32·3 = 3,072 → dense (3,072 + 1)·128 = 393,344 → (128 + 1)·10 = 1,290.
        assertThat(view.modelSummary.getText()).isEqualTo("dense: 3 layers, 394,634 parameters");
        view.dataset.choose(org.convlab.dataset.DatasetLibrary.DEFAULT_KEY);
        assertThat(view.recipes.isVisible()).isTrue();
        assertThat(view.modelSummary.getText()).isEqualTo("dense: 3 layers, 101,770 parameters");
    }

    @Test
    void impossibleSettingsAreExplainedAndNothingIsQueued() {
        TrainView view = navigate(TrainView.class);
        int before = queue.runsOf(me).size();
        test(view.form.epochs).setValue(0);
        test(view.start).click();
        assertThat(queue.runsOf(me)).hasSize(before);
        assertThat(view.problems.isVisible()).isTrue();
        assertThat(view.problems.getElement().getTextRecursively()).contains("Training did not start", "epochs");
        assertThat(getCurrentView()).isSameAs(view);
    }

    @Test
    void cancelStopsARunningRun() throws InterruptedException {
        TrainView view = navigate(TrainView.class);
        test(view.model).selectItem("dense");
        test(view.form.epochs).setValue(50);
        // All the images: the default subset could finish its first epoch before the page looks.
        test(view.form.images).selectItem("all 60,000");
        test(view.start).click();
        TrainingDashboardView dashboard = (TrainingDashboardView) getCurrentView();
        LiveRun run = followed(dashboard);
        await(run, r -> r.latest() != null || r.finished());
        dashboard.show();
        assertThat(dashboard.cancel.isEnabled()).isTrue();
        assertThat(dashboard.progressText.getText()).contains("Epoch 1 of 50", "left", "images/s");

        test(dashboard.cancel).click();
        await(run, LiveRun::finished);
        dashboard.show();
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(dashboard.outcome.getElement().getTextRecursively()).contains("cancelled");
    }

    @Test
    void anUnknownRunSaysSo() {
        navigate("train/live/no-such-run", TrainingDashboardView.class);
        assertThat(((TrainingDashboardView) getCurrentView()).getElement().getTextRecursively())
                .contains("Run not found", "no-such-run");
    }

    @Test
    void augmentationPreviewFollowsTheSettings() {
        TrainView view = navigate(TrainView.class);
        var images = find(PixelImage.class).withCondition(
                i -> i.getAlt().orElse("").endsWith("as training may see it")).all();
        assertThat(images).hasSize(AugmentationPreview.SAMPLES.length);
        // Without augmentation the "changed" image equals the original.
        var originals = find(PixelImage.class).withCondition(
                i -> i.getAlt().orElse("").endsWith("original")).all();
        assertThat(images.getFirst().getSrc()).isEqualTo(originals.getFirst().getSrc());
        test(view.form.rotation).setValue(30.0);
        var rotated = find(PixelImage.class).withCondition(
                i -> i.getAlt().orElse("").endsWith("as training may see it")).all();
        assertThat(rotated.getFirst().getSrc()).isNotEqualTo(originals.getFirst().getSrc());
    }

    @Test
    void withoutAGpuTheDeviceChoiceOffersAutoAndCpuAndSaysWhy() {
        TrainView view = navigate(TrainView.class);
        assertThat(view.form.device.getListDataView().getItems())
                .containsExactly(DeviceChoice.AUTO, DeviceChoice.CPU);
        assertThat(view.form.device.getHelperText())
                .isEqualTo("No NVIDIA GPU is usable on this server, so runs train on the processor.");
        assertThat(view.getElement().getTextRecursively()).doesNotContain("CPU vs GPU");
    }

    /** A run stored as the queue stores it, without a task, so no worker trains it. */
    private RunJob stored(long owner, String name, Hyperparameters hp) {
        return store.create(new RunJob("again-" + UUID.randomUUID().toString().substring(0, 8), owner, name,
                ModelSpecJson.write(TestModels.tinyCnn().spec()), RunJson.write(hp), hp.epochs()));
    }

    /** The Train page as "Train again" opens it (the id as the browser sends it, decoded). */
    private TrainView trainAgain(String id) {
        assertThat(TrainView.AGAIN_PATH).isEqualTo("train?again=");
        com.vaadin.flow.component.UI.getCurrent().navigate("train", com.vaadin.flow.router.QueryParameters.of("again", id));
        return (TrainView) getCurrentView();
    }

    @Test
    void aRecipeFillsInItsModelAndEverySettingAndSaysWhy() {
        TrainView view = navigate(TrainView.class);
        org.convlab.training.engine.Recipe quick = org.convlab.training.engine.Recipes.get("quick");
        assertThat(view.recipes.why.isVisible()).isFalse();

        test(view.recipes.buttons.getFirst()).click();

        assertThat(view.model.getValue()).isEqualTo("quick-cnn");
        assertThat(view.modelSummary.getText()).isEqualTo("quick-cnn: 6 layers, 271,734 parameters");
        // Every setting, the training images too (all 60,000, not the page's usual subset).
        assertThat(view.form.value()).isEqualTo(quick.settings());
        assertThat(view.form.images.getValue()).isZero();
        assertThat(view.recipes.why.isVisible()).isTrue();
        String why = view.recipes.why.getElement().getTextRecursively();
        assertThat(why).contains("Why these settings (quick recipe)", quick.goal().toString());
        quick.reasons().forEach(r -> assertThat(why).contains(r.choice().toString(), r.why().toString()));
        // Another model chosen: the reasons were about the recipe's, so they go.
        test(view.model).selectItem("dense");
        assertThat(view.recipes.why.isVisible()).isFalse();
        test(view.model).selectItem("quick-cnn");
        // What Start queues is the recipe.
        java.util.Set<String> before = new java.util.HashSet<>(queue.runsOf(me).stream().map(RunJob::getId).toList());
        test(view.start).click();
        RunJob run = queue.runsOf(me).stream().filter(j -> !before.contains(j.getId())).findFirst().orElseThrow();
        assertThat(org.convlab.model.ModelSummary.of(ModelSpecJson.parse(run.getSpecJson()), org.convlab.model.ModelLimits.DEFAULT))
                .isEqualTo(org.convlab.model.ModelSummary.of(quick.model(), org.convlab.model.ModelLimits.DEFAULT));
        assertThat(RunJson.hyperparameters(run.getHyperparametersJson())).isEqualTo(quick.settings());
        queue.cancel(run.getId());
    }

    @Test
    void aLinkCanOpenThePageWithARecipeAndANameThatIsNoRecipeSaysSo() {
        com.vaadin.flow.component.UI.getCurrent().navigate("train", com.vaadin.flow.router.QueryParameters.of("recipe", "quick"));
        TrainView view = (TrainView) getCurrentView();
        assertThat(view.model.getValue()).isEqualTo("quick-cnn");
        assertThat(view.recipes.why.isVisible()).isTrue();
        assertThat(view.againNote.isVisible()).as(view.againNote.getText()).isFalse();

        com.vaadin.flow.component.UI.getCurrent().navigate("");  // a link followed from another page
        com.vaadin.flow.component.UI.getCurrent().navigate("train", com.vaadin.flow.router.QueryParameters.of("recipe", "<b>x</b>"));
        TrainView other = (TrainView) getCurrentView();
        assertThat(other.recipes.why.isVisible()).isFalse();
        assertThat(other.againNote.getText()).isEqualTo("There is no such recipe (there are: "
                + String.join(", ", org.convlab.training.engine.Recipes.names()) + "), so the usual settings are shown.");
    }

    @Test
    void trainAgainFillsInTheRunsModelAndSettings() {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(3).withBatchSize(32).withLimit(1_000)
                .withSeed(7).withEarlyStopping(2).withAugmentation(new Augmentation(10, 2, true))
                .withDevice(DeviceChoice.GPU);  // asked for on a GPU server; this one has none
        RunJob earlier = stored(me, "my tiny cnn", hp);
        earlier.setStatus(RunState.FAILED);
        store.fail(earlier.getId(), Text.of("training.stored.as-written", "it stopped"));

        TrainView view = trainAgain(earlier.getId());

        assertThat(view.model.getValue()).isEqualTo("the model of my tiny cnn");
        assertThat(view.modelSummary.getText()).startsWith(TestModels.tinyCnn().spec().name() + ":");
        assertThat(view.form.value()).isEqualTo(hp.withDevice(DeviceChoice.AUTO));
        assertThat(view.againNote.isVisible()).isFalse();
        java.util.Set<String> before = new java.util.HashSet<>(queue.runsOf(me).stream().map(RunJob::getId).toList());
        test(view.start).click();
        RunJob again = queue.runsOf(me).stream().filter(j -> !before.contains(j.getId())).findFirst().orElseThrow();
        assertThat(ModelSpecJson.parse(again.getSpecJson())).isEqualTo(TestModels.tinyCnn().spec());
        assertThat(RunJson.hyperparameters(again.getHyperparametersJson())).isEqualTo(hp.withDevice(DeviceChoice.AUTO));
        queue.cancel(again.getId());
    }

    @Test
    void trainAgainWithARunThatIsNotThereOrNotYoursShowsTheUsualSettingsAndSaysSo() {
        long other = TestAccounts.as(users, "alan-neighbour", Role.LEARNER).getId();
        RunJob theirs = stored(other, "their secret run", Hyperparameters.defaults().withEpochs(9));
        store.fail(theirs.getId(), Text.of("training.stored.as-written", "not trained here"));
        TestAccounts.as(users, "alan", Role.LEARNER);
        RunJob unreadable = store.create(new RunJob("again-" + UUID.randomUUID().toString().substring(0, 8), me,
                "garbled", "{not json", "[1,2", 1));
        for (String id : new String[] {theirs.getId(), "no-such-run", "", "%00<script>", "x".repeat(5_000),
                unreadable.getId()}) {
            TrainView view = trainAgain(id);
            assertThat(view.againNote.isVisible()).as(id).isTrue();
            assertThat(view.againNote.getText()).as(id).contains("the usual settings are shown", "usual");
            assertThat(view.model.getListDataView().getItems()).as(id).noneMatch(c -> c.startsWith("the model of"));
            assertThat(view.form.epochs.getValue()).as(id).isEqualTo(5);
            assertThat(view.getElement().getTextRecursively()).as(id).doesNotContain("their secret run", "<script>");
        }
    }

    /** A model no other test trains, so only the run below says how fast it trains here. */
    private static final org.convlab.model.ModelSpec MEASURED = new org.convlab.model.ModelSpec("measured-dense",
            java.util.List.of(new org.convlab.model.Layer.Flatten(),
                    new org.convlab.model.Layer.Dense(37, org.convlab.model.ActivationKind.RELU),
                    new org.convlab.model.Layer.Dense(10, org.convlab.model.ActivationKind.SOFTMAX)));

    /**
     * The Train page with {@link #MEASURED} as the learner's model (the builder's draft), after a
     * finished run of it trained at 1,000 images/s on this server's processor.
     */
    private TrainView measuredAt1000PerSecond() {
        RunJob done = store.create(new RunJob("measured-" + UUID.randomUUID().toString().substring(0, 8), me,
                "measured-dense", ModelSpecJson.write(MEASURED), RunJson.write(Hyperparameters.defaults()), 1));
        done.setStatus(RunState.DONE);
        done.setDevice("cpu · PyTorch");
        done.setFinishedAt(java.time.Instant.now());
        done.setHistoryJson(RunJson.write(java.util.List.of(
                new org.convlab.training.engine.ProgressListener.EpochReport(1, 0.5, 0.8, 0.5, 0.8, 0.001, 60, 1_000))));
        store.create(done);
        org.convlab.model.ui.ModelDraft.save(MEASURED);
        TrainView view = navigate(TrainView.class);
        assertThat(view.model.getValue()).isEqualTo(TrainView.draftChoice());
        return view;
    }

    @Test
    void theEstimateUnderStartFollowsTheSettingsAndTheDefaultSubsetTrainsInAboutAMinute() {
        TrainView view = measuredAt1000PerSecond();
        // 5 epochs at 1,000 images/s: 10,000 images take 50 s (45 s training, 5 s of checks); 20,000 take 100 s.
        assertThat(view.form.images.getValue()).isEqualTo(10_000);
        assertThat(view.estimate.getText()).isEqualTo("Estimated training time on this server: about 50 s");
        assertThat(view.estimate.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(view.longRun.isVisible()).isFalse();

        test(view.form.epochs).setValue(1);
        // 9,000 images at 1,000/s, then 1,000 validation and 10,000 test images forward only.
        assertThat(view.estimate.getText()).isEqualTo("Estimated training time on this server: about 15 s");
        // Every learner's page says how long a run would wait in a class.
        assertThat(view.expectedWait.isVisible()).isTrue();
        assertThat(view.expectedWait.getText()).containsAnyOf("It would start at once", "Expected wait before it starts");
    }

    /** In German the page's words, its estimate and its numbers are German ("10.000", "etwa 5 min"). */
    @Test
    void theTrainPageSpeaksGermanWithGermanNumbers() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        TrainView view = measuredAt1000PerSecond();
        assertThat(view.getChildren().filter(c -> c instanceof com.vaadin.flow.component.html.H1).findFirst().orElseThrow()
                .getElement().getText()).isEqualTo("Ein Modell trainieren");
        assertThat(view.getPageTitle()).isEqualTo("Trainieren · ConvLab");
        assertThat(view.start.getText()).isEqualTo("Training starten");
        assertThat(view.form.epochs.getLabel()).isEqualTo("Epochen");
        test(view.form.images).selectItem("alle 60.000");
        assertThat(view.estimate.getText()).isEqualTo("Geschätzte Trainingszeit auf diesem Server: etwa 5 min");
        assertThat(view.longRunText.getText()).isEqualTo(
                "Dieser Lauf würde etwa 5 min trainieren. Die ersten 10.000 Bilder trainieren in etwa 50 s.");
        assertThat(view.useSubset.getText()).isEqualTo("Die ersten 10.000 Bilder verwenden");
        assertThat(view.modelSummary.getText()).isEqualTo("measured-dense: 3 Schichten, 29.425 Parameter");
    }

    @Test
    void theTrainPageSpeaksSpanish() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.of("es"));
        TrainView view = navigate(TrainView.class);
        assertThat(view.start.getText()).isEqualTo("Empezar el entrenamiento");
        assertThat(view.form.batchSize.getLabel()).isEqualTo("Tamaño de lote (batch size)");
        test(view.form.images).selectItem("todas las 60.000");
        assertThat(view.estimate.getText()).startsWith("Tiempo de entrenamiento estimado en este servidor:");
    }

    @Test
    void aLongRunSaysSoAndOffersASubsetThatTrainsInAboutAMinute() {
        TrainView view = measuredAt1000PerSecond();
        test(view.form.images).selectItem("all 60,000");
        // 270 s of training and 13 s of checks.
        assertThat(view.estimate.getText()).isEqualTo("Estimated training time on this server: about 5 min");
        assertThat(view.longRun.isVisible()).isTrue();
        assertThat(view.longRunText.getText()).isEqualTo(
                "This run would train for about 5 min. The first 10,000 images train in about 50 s.");
        assertThat(view.useSubset.getText()).isEqualTo("Use the first 10,000 images");

        test(view.useSubset).click();
        assertThat(view.form.images.getValue()).isEqualTo(10_000);
        assertThat(view.longRun.isVisible()).isFalse();
        assertThat(view.estimate.getText()).endsWith("about 50 s");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * Over the learner's budget (the server's default here: 10,000 images × epochs), the page says
     * before Start what Start would answer, and offers a subset that fits; keyboard focus then goes
     * to the choice the button made, since the button hides.
     */
    @Test
    void aRunOverTheBudgetSaysSoBeforeStartAndOffersASubsetThatFits() {
        jdbc.update("update run_budget_default set max_image_epochs = 10000");
        try {
            TrainView view = measuredAt1000PerSecond();
            assertThat(view.form.images.getValue()).as("the default fits the budget").isEqualTo(2_000);
            assertThat(view.longRun.isVisible()).isFalse();
            test(view.form.images).selectItem("all 60,000");
            assertThat(view.longRun.isVisible()).isTrue();
            assertThat(view.longRunText.getText()).isEqualTo("Over your budget, so Start would be refused. This run "
                    + "would train on 60,000 images × 5 epochs = 300,000; your runs may use at most 10,000 each. "
                    + "Choose at most 2,000 images.");
            assertThat(view.useSubset.getText()).isEqualTo("Use the first 2,000 images");
            test(view.useSubset).click();
            assertThat(view.form.images.getValue()).isEqualTo(2_000);
            assertThat(view.longRun.isVisible()).isFalse();
        } finally {
            jdbc.update("update run_budget_default set max_image_epochs = null");
        }
    }

    @Test
    void trainAgainKeepsTheRunsOwnSubsetEvenOneThePageDoesNotOffer() {
        RunJob earlier = stored(me, "api run", Hyperparameters.defaults().withEpochs(2).withLimit(3_000));
        store.fail(earlier.getId(), Text.of("training.stored.as-written", "it stopped"));
        TrainView view = trainAgain(earlier.getId());
        assertThat(view.form.images.getValue()).isEqualTo(3_000);
        assertThat(view.form.value().limit()).isEqualTo(3_000);
        assertThat(view.estimate.getText()).startsWith("Estimated training time on this server:");
    }

    @Test
    void impossibleSettingsOrAModelThatCannotTrainGetNoEstimateButOneLineSayingWhy() {
        TrainView view = measuredAt1000PerSecond();
        java.util.List<Runnable> badSettings = java.util.List.of(
                () -> test(view.form.epochs).setValue(0),
                () -> test(view.form.epochs).setValue(-3),
                () -> view.form.epochs.clear(),
                () -> test(view.form.epochs).setValue(Integer.MAX_VALUE),
                () -> test(view.form.batchSize).setValue(0),
                () -> test(view.form.batchSize).setValue(-64),
                () -> view.form.validationSplit.setValue(1.5),  // past the field's max, as a crafted request could send
                () -> view.form.validationSplit.setValue(-0.1));
        for (int i = 0; i < badSettings.size(); i++) {
            view.form.fill(Hyperparameters.defaults());
            badSettings.get(i).run();
            view.showEstimate();
            assertThat(view.estimate.getText()).as("bad setting " + i)
                    .isEqualTo("Estimated training time on this server: none until the settings can be trained.");
            assertThat(view.longRun.isVisible()).as("bad setting " + i).isFalse();
        }
    }

    @Test
    void aModelThatCannotTrainGetsNoEstimate() {
        // A draft with an impossible layer: the page explains the model, and estimates nothing.
        org.convlab.model.ui.ModelDraft.save(new org.convlab.model.ModelSpec("broken", java.util.List.of(
                new org.convlab.model.Layer.Flatten(), new org.convlab.model.Layer.Dense(0, org.convlab.model.ActivationKind.RELU),
                new org.convlab.model.Layer.Dense(10, org.convlab.model.ActivationKind.SOFTMAX))));
        TrainView broken = navigate(TrainView.class);
        assertThat(broken.estimate.getText())
                .isEqualTo("Estimated training time on this server: none until the model can be trained.");
    }

    @Test
    void theSplitOfTheChosenImagesIsShownClassByClassBesideARandomOne() {
        TrainView view = navigate(TrainView.class);
        test(view.form.images).selectItem("first 5,000 (quick)");
        test(view.form.validationSplit).setValue(0.2);
        test(view.form.seed).setValue(7);
        java.util.List<SplitPreview.ClassRow> rows = view.splitPreview.rows();
        assertThat(rows).hasSize(10);
        assertThat(rows.stream().mapToInt(SplitPreview.ClassRow::images).sum()).isEqualTo(5000);
        for (SplitPreview.ClassRow row : rows) {
            assertThat(row.validation()).as(row.name()).isEqualTo((int) Math.round(row.images() * 0.2));
            assertThat(row.train() + row.validation()).isEqualTo(row.images());
        }
        assertThat(rows.stream().mapToInt(SplitPreview.ClassRow::randomValidation).sum()).isEqualTo(1000);
        assertThat(rows).anyMatch(r -> r.randomValidation() != r.validation());
        assertThat(view.splitPreview.summary()).startsWith("With seed 7, ConvLab holds out 20% of each class (1,000 of 5,000 images)");
        java.util.List<Integer> randomBefore = rows.stream().map(SplitPreview.ClassRow::randomValidation).toList();

        test(view.form.seed).setValue(8);
        assertThat(view.splitPreview.rows().stream().map(SplitPreview.ClassRow::randomValidation).toList())
                .as("another seed, another random split").isNotEqualTo(randomBefore);

        view.form.validationSplit.setValue(3.0); // typed past the field's max: the browser lets it through
        assertThat(view.splitPreview.rows()).isEmpty();
        assertThat(view.splitPreview.summary()).isEqualTo("Choose a validation share between 0 and 0.5 to see the split.");

        test(view.form.validationSplit).setValue(0.0);
        assertThat(view.splitPreview.rows()).isEmpty();
        assertThat(view.splitPreview.summary()).contains("No images are held out for validation");
    }
}
