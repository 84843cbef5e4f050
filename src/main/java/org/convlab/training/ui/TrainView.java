package org.convlab.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.ui.DatasetPicker;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ui.ModelDraft;
import org.convlab.training.queue.DeviceService;
import org.convlab.training.queue.RunAccess;
import org.convlab.training.queue.RunJson;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.Recipe;
import org.convlab.training.engine.Recipes;
import org.convlab.model.ModelSpecJson;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.convlab.training.queue.TrainingService;
import org.convlab.account.CurrentUser;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.OverBudgetException;
import org.convlab.training.queue.RunBudget;
import org.convlab.training.queue.RunSizes;
import org.convlab.training.queue.RunEstimates;
import org.convlab.training.queue.TrainingTimes;
import org.convlab.account.AppMode;
import org.convlab.model.ValidatedModel;
import com.vaadin.flow.component.UI;
import java.util.Optional;
import java.util.OptionalDouble;
import com.vaadin.flow.router.HasDynamicTitle;
import org.convlab.base.ui.I18n;
import static org.convlab.base.ui.I18n.t;

/**
 * Choose a model and the training settings, see what augmentation does to the images, and start.
 * Training runs on the server; the live dashboard opens at once and can be left and reopened.
 */
@PermitAll
@Route("train")
final class TrainView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The model choice that stands for the builder's draft, in the page's language. */
    static String draftChoice() {
        return t("training.train.draft-choice");
    }

    private static final String UNMEASURABLE = "training.train.estimate-unknown";
    /** The Train page with a run's model and settings filled in: this plus the run's id. */
    static final String AGAIN_PATH = "train?again=";

    final DatasetPicker dataset;
    /** The previews of the chosen data set's images, redrawn when another is chosen. */
    final Div dataViews = new Div();
    final Select<String> model = new Select<>();
    final Span modelSummary = new Span();
    final HyperparameterForm form;
    final Button start = new Button(t("training.train.start"), VaadinIcon.PLAY.create());
    final Div problems = new Div();
    /** Why {@code ?again=} could not fill in a run's settings. */
    final Paragraph againNote = new Paragraph();
    final UnorderedList runs = new UnorderedList();
    final RecipePanel recipes = new RecipePanel(this::use);
    /** "Estimated training time on this server: about 45 s", kept up to date with the choices. */
    final Paragraph estimate = new Paragraph();
    /** In a class: how long the run would wait before it starts, given the queue now. */
    final Paragraph expectedWait = new Paragraph();
    /** A run over a few minutes says so here, with a subset that trains in about a minute. */
    final Div longRun = new Div();
    /** The training/validation split of the chosen images, class by class; null without a data set. */
    SplitPreview splitPreview;
    final Paragraph longRunText = new Paragraph();
    final Button useSubset = new Button();

    private final TrainingService training;
    private final DatasetLibrary library;
    private final RunQueue queue;
    private final CurrentUser current;
    private final RunAccess access;
    /** The model of the run being trained again, offered as the first choice; null otherwise. */
    private ModelSpec againSpec;
    private String againChoice;
    private final AppMode mode;
    /** The subset the long-run callout offers. */
    private int suggestedSubset;
    /** Once the learner chose a size (or a run's own settings were filled in), the page leaves it alone. */
    private boolean imagesChosen;
    /** A measurement of this server's speed is awaited; the estimate is redrawn when it is done. */
    private boolean awaitingSpeed;

    TrainView(TrainingService training, DatasetCatalog catalog, RunQueue queue,
            CurrentUser current, DeviceService devices, RunAccess access, AppMode mode) {
        this.training = training;
        this.library = training.datasets();
        this.dataset = new DatasetPicker(catalog.choicesFor(current.get()));
        this.mode = mode;
        this.access = access;
        this.form = new HyperparameterForm(devices.choices(), devices.whyNoGpu());
        this.queue = queue;
        this.current = current;
        addClassNames("page", "train-view");
        add(new H1(t("training.train.heading")), new Paragraph(t("training.train.intro")));

        List<String> choices = new ArrayList<>();
        ModelDraft.current().ifPresent(d -> choices.add(draftChoice()));
        choices.addAll(Presets.names());
        model.setLabel(t("training.train.model"));
        model.setItems(choices);
        model.setValue(choices.getFirst());
        // New items (a run trained again) empty the choice for a moment: nothing to describe then.
        model.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                recipes.modelChosen(e.getValue());
                describeModel();
                defaultSubset();
                showEstimate();
            }
        });
        Anchor edit = new Anchor("train/model", t("training.train.edit-model"));
        Div modelRow = new Div(model, modelSummary, edit);
        modelRow.addClassName("model-choice");
        describeModel();

        problems.addClassName("callout-error");
        problems.setVisible(false);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.addClickListener(e -> start());

        againNote.addClassName("callout-info");
        againNote.setVisible(false);
        Anchor ownData = new Anchor("data", t("training.train.own-data"));
        Div dataRow = new Div(dataset, ownData);
        dataRow.addClassName("dataset-choice");
        add(againNote, new H2(t("training.train.data")), dataRow, new H2(t("training.train.model")), modelRow, recipes,
                new H2(t("training.train.settings")), form, dataViews);
        form.rotation.addValueChangeListener(e -> showAugmentation());
        form.shift.addValueChangeListener(e -> showAugmentation());
        form.flip.addValueChangeListener(e -> showAugmentation());
        form.images.addValueChangeListener(e -> showSplit());
        form.validationSplit.addValueChangeListener(e -> showSplit());
        form.seed.addValueChangeListener(e -> showSplit());
        dataset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                dataChosen();
                describeModel();
                defaultSubset();
                showEstimate();
            }
        });
        dataChosen();
        Paragraph experiments = new Paragraph(t("training.train.compare") + " ");
        experiments.add(new Anchor("train/experiments", t(devices.gpuUsable()
                ? "training.train.experiments-gpu" : "training.train.experiments")));
        estimate.addClassName("run-estimate");
        // Read out when it changes, without interrupting: it follows every setting.
        estimate.getElement().setAttribute("aria-live", "polite");
        expectedWait.addClassName("run-wait");
        useSubset.addClickListener(e -> {
            imagesChosen = true;
            form.useSubset(suggestedSubset);
            // The button hides with its callout: keyboard focus goes to the choice it just made.
            form.images.focus();
        });
        longRun.add(longRunText, useSubset);
        longRun.addClassName("callout-warning");
        longRun.setVisible(false);
        form.images.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                imagesChosen = true;
            }
            showEstimate();
        });
        form.epochs.addValueChangeListener(e -> showEstimate());
        form.validationSplit.addValueChangeListener(e -> showEstimate());
        form.device.addValueChangeListener(e -> showEstimate());
        defaultSubset();
        add(problems, start, estimate, expectedWait, longRun, experiments, new H2(t("training.train.recent-runs")), runs);
        showEstimate();
        listRuns();
    }

    /**
     * {@code ?again=ID} fills in the model and settings of a run the user may see. Anything else
     * (no such run, someone else's, settings that no longer read) leaves the usual page and says so.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        // ?recipe=quick: a link from a lesson or the home page that starts with a recipe filled in.
        parameters.getOrDefault("recipe", List.of()).stream().findFirst().ifPresent(name -> Recipes.find(name)
                .ifPresentOrElse(this::use, () -> note(t("training.train.no-recipe", String.join(", ", Recipes.names())))));
        // ?dataset=KEY: "Train on it" from the Data page, or a data set just imported or drawn.
        parameters.getOrDefault("dataset", List.of()).stream().findFirst().ifPresent(key -> {
            if (!dataset.choose(key)) {
                noteInstead("training.train.no-dataset", "training.train.no-dataset-alone", DatasetLibrary.shown(key));
            }
        });
        List<String> again = parameters.getOrDefault("again", List.of());
        if (again.isEmpty()) {
            return;
        }
        RunJob run = again.getFirst().isBlank() ? null : access.viewableOrEmpty(again.getFirst()).orElse(null);
        if (run == null) {
            note(t("training.train.again-not-found"));
            return;
        }
        Hyperparameters hp;
        try {
            againSpec = ModelSpecJson.parse(run.getSpecJson());
            hp = RunJson.hyperparameters(run.getHyperparametersJson());
        } catch (RuntimeException e) {
            againSpec = null;
            note(t("training.train.again-unreadable", run.getName()));
            return;
        }
        againChoice = t("training.train.again-choice", run.getName());
        List<String> choices = new ArrayList<>(model.getListDataView().getItems().toList());
        choices.addFirst(againChoice);
        model.setItems(choices);
        imagesChosen = true;
        if (!dataset.choose(hp.dataset())) {
            noteInstead("training.train.again-dataset-gone", "training.train.again-dataset-gone-alone", run.getName());
            // Its image count was that set's; on another set the page's usual size is the better start.
            hp = hp.withLimit(null);
        }
        model.setValue(againChoice);
        form.fill(hp);
        showEstimate();
    }

    /**
     * "… you can use, so Fashion-MNIST is chosen." ({@code key}), or "… you can use." ({@code alone})
     * when no data set can be chosen at all.
     */
    private void noteInstead(String key, String alone, String name) {
        note(dataset.getValue() == null ? t(alone, name) : t(key, name, dataset.getValue().name()));
    }

    @Override
    public String getPageTitle() {
        return t("training.train.page-title");
    }

    /** The chosen data set's images: the augmentation and split previews, or why it cannot be used. */
    private void dataChosen() {
        // The recipes' accuracies and times were measured on Fashion-MNIST: on other data they would mislead.
        recipes.setVisible(dataset.key() == null);
        dataViews.removeAll();
        augmentationPreview = null;
        splitPreview = null;
        org.convlab.dataset.Dataset data;
        try {
            data = library.dataset(dataset.key());
        } catch (org.convlab.dataset.DatasetException e) {
            start.setEnabled(false);
            problems.setText(t("training.train.dataset-unloadable", I18n.message(e)));
            problems.setVisible(true);
            return;
        }
        start.setEnabled(true);
        problems.setVisible(false);
        form.trainImages(data.train().size());
        augmentationPreview = new AugmentationPreview(data);
        showAugmentation();
        splitPreview = new SplitPreview(data.train(), data.classNames());
        showSplit();
        // Closed by default: ten rows of counts would push Start out of sight; its summary says what is inside.
        com.vaadin.flow.component.details.Details split = new com.vaadin.flow.component.details.Details(
                t("training.train.split-summary"), splitPreview);
        split.addClassName("split-details");
        dataViews.add(new H2(t("training.train.augmentation-heading")), new Paragraph(t("training.train.augmentation-intro")),
                augmentationPreview, split);
    }

    private AugmentationPreview augmentationPreview;

    private void showAugmentation() {
        if (augmentationPreview != null) {
            augmentationPreview.show(form.augmentation());
        }
    }

    /** Fills in a recipe's model and settings and says why each was chosen. */
    void use(Recipe recipe) {
        imagesChosen = true;
        model.setValue(recipe.preset());
        form.fill(recipe.settings());
        recipes.show(recipe);
        showEstimate();
    }

    private void note(String text) {
        againNote.setText(text);
        againNote.setVisible(true);
    }

    /** The chosen model, its input and output fitted to the chosen data set. */
    private ModelSpec chosenSpec() {
        ModelSpec spec = chosenModel();
        DatasetChoice data = dataset.getValue();
        return data == null ? spec : spec.forData(data.channels(), data.imageSize(), data.classNames().size());
    }

    private ModelSpec chosenModel() {
        String choice = model.getValue();
        if (againChoice != null && againChoice.equals(choice)) {
            return againSpec;
        }
        if (draftChoice().equals(choice)) {
            return ModelDraft.current().orElse(Presets.get("keras-cnn"));
        }
        return Presets.get(choice);
    }

    /** The settings as entered, on the chosen data set. */
    private Hyperparameters settings() {
        return form.value().withDataset(dataset.key());
    }

    private void describeModel() {
        ModelSpec spec = chosenSpec();
        try {
            var validated = ModelValidator.validate(spec, training.limits());
            modelSummary.setText(t("training.train.model-summary", spec.name(),
                    I18n.count("training.train.layers", spec.layers().size()),
                    I18n.count("training.train.parameters", validated.totalParams())));
        } catch (InvalidModelException e) {
            modelSummary.setText(t("training.train.model-untrainable", spec.name(),
                    I18n.count("training.train.problems", e.problems().size())));
        }
    }

    private RunBudget budget() {
        return current.get().map(u -> queue.budgetFor(u.getId())).orElse(RunBudget.UNLIMITED);
    }

    private Optional<ValidatedModel> trainable() {
        try {
            return Optional.of(ModelValidator.validate(chosenSpec(), training.limits()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The largest subset that trains in about a minute on this server and fits the learner's
     * budget, with the other settings as they are; left alone once the learner chose one.
     */
    private void defaultSubset() {
        if (imagesChosen) {
            return;
        }
        RunEstimates now = queue.times().estimates();
        trainable().ifPresent(m -> form.useSubset(RunSizes.largestWithin(settings(), RunSizes.ABOUT_A_MINUTE,
                budget(), hp -> now.seconds(m, hp))));
    }

    /** The estimate under Start, the wait in a class, and a word about a long run, for the choices now. */
    /** The split the settings give, class by class; nothing while a setting is empty. */
    private void showSplit() {
        if (splitPreview == null) {
            return;
        }
        Double share = form.validationSplit.getValue();
        Integer seed = form.seed.getValue();
        splitPreview.show(form.images.getValue(), share == null ? 0 : share, seed == null ? 42 : seed);
    }

    void showEstimate() {
        longRun.setVisible(false);
        Hyperparameters hp = settings();
        Optional<ValidatedModel> validated = trainable();
        boolean settingsOk;
        try {
            hp.validate(training.limits());
            settingsOk = true;
        } catch (IllegalArgumentException | InvalidModelException e) {
            settingsOk = false;
        }
        if (validated.isEmpty() || !settingsOk) {
            estimate.setText(t(validated.isEmpty() ? "training.train.estimate-no-model" : "training.train.estimate-no-settings"));
        } else {
            ValidatedModel m = validated.get();
            OptionalDouble seconds = queue.times().seconds(m, hp);
            String device = queue.times().deviceFor(hp.device());
            if (seconds.isEmpty() && queue.times().cannotMeasure(device)) {
                estimate.setText(t(UNMEASURABLE));
            } else if (seconds.isEmpty()) {
                estimate.setText(t("training.train.estimate-measuring"));
                redrawWhenMeasured(device);
            } else {
                estimate.setText(t("training.train.estimate", RunText.about(seconds.getAsDouble())));
                if (seconds.getAsDouble() > RunSizes.LONG_RUN) {
                    showLongRun(m, hp, seconds.getAsDouble());
                }
            }
            RunBudget budget = budget();
            if (!RunSizes.fits(hp, budget)) {
                showOverBudget(hp, budget);
            }
        }
        showWait();
    }

    /** Says before Start what Start would say: this run is over the learner's budget, and what fits. */
    private void showOverBudget(Hyperparameters hp, RunBudget budget) {
        String refusal = t(OverBudgetException.tooLarge(hp, budget).text());
        int subset = RunSizes.largestWithin(hp, RunSizes.ABOUT_A_MINUTE, budget, h -> OptionalDouble.empty());
        boolean offer = RunSizes.fits(RunSizes.withSubset(hp, subset), budget);
        if (offer) {
            useSubset.setText(t("training.train.use-subset", (long) subset));
            suggestedSubset = subset;
        }
        useSubset.setVisible(offer);
        longRunText.setText(t("training.train.over-budget", refusal));
        longRun.setVisible(true);
    }

    private void showLongRun(ValidatedModel m, Hyperparameters hp, double seconds) {
        RunEstimates now = queue.times().estimates();
        int subset = RunSizes.largestWithin(hp, RunSizes.ABOUT_A_MINUTE, budget(), h -> now.seconds(m, h));
        Hyperparameters smaller = RunSizes.withSubset(hp, subset);
        OptionalDouble quicker = now.seconds(m, smaller);
        String text = t("training.train.long-run", RunText.about(seconds));
        boolean offer = TrainingTimes.images(smaller) < TrainingTimes.images(hp) && quicker.isPresent();
        if (offer) {
            text += " " + t("training.train.long-run-subset", (long) subset, RunText.about(quicker.getAsDouble()));
            useSubset.setText(t("training.train.use-subset", (long) subset));
            suggestedSubset = subset;
        } else {
            text += " " + t("training.train.long-run-fewer-epochs");
        }
        useSubset.setVisible(offer);
        longRunText.setText(text);
        longRun.setVisible(true);
    }

    /** In a class (or wherever runs are waiting): how long a run started now would wait. */
    private void showWait() {
        RunQueue.Place place = queue.placeForNew();
        int ahead = place.ahead() + place.training();
        boolean show = mode == AppMode.CLASSROOM || ahead > 0;
        expectedWait.setVisible(show);
        if (!show) {
            return;
        }
        String runs = I18n.count("training.train.runs-ahead", ahead);
        if (ahead == 0) {
            expectedWait.setText(t("training.train.wait-none"));
        } else if (place.estimatedWait() == null) {
            expectedWait.setText(t("training.train.wait-estimating", runs));
        } else {
            expectedWait.setText(t("training.train.wait", RunText.about(place.estimatedWait().toMillis() / 1000.0), runs));
        }
    }

    private com.vaadin.flow.shared.Registration waitPoll;

    /** The queue moves while the page is open: the expected wait is redrawn every few seconds. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        waitPoll = ui.addPollListener(e -> showWait());
        ui.setPollInterval(10_000);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (waitPoll != null) {
            waitPoll.remove();
            event.getUI().setPollInterval(-1);
        }
        super.onDetach(event);
    }

    /** Redraws the estimate (and the default subset) once this server's speed on the device is known. */
    private void redrawWhenMeasured(String device) {
        UI ui = UI.getCurrent();
        if (awaitingSpeed || ui == null) {
            return;
        }
        awaitingSpeed = true;
        queue.times().measure(device).thenRun(() -> ui.access(() -> {
            awaitingSpeed = false;
            if (queue.times().knows(device)) {
                defaultSubset();
                showEstimate();
            } else {
                // The measurement failed (the log says why); asking again would only fail again.
                estimate.setText(t(UNMEASURABLE));
            }
        }));
    }

    /** Queues the run and opens its dashboard; bad settings are explained and nothing is queued. */
    void start() {
        try {
            RunJob run = queue.submit(current.require().getId(), chosenSpec(), settings());
            getUI().ifPresent(ui -> ui.navigate(TrainingDashboardView.class, run.getId()));
        } catch (IllegalArgumentException | InvalidModelException e) {
            List<String> lines = RunText.lines(e);
            problems.removeAll();
            problems.add(new Paragraph(t("training.train.not-started")));
            UnorderedList list = new UnorderedList();
            lines.forEach(line -> list.add(new ListItem(line)));
            problems.add(list);
            problems.setVisible(true);
        }
    }

    private void listRuns() {
        runs.removeAll();
        List<RunJob> mine = current.get().map(u -> queue.runsOf(u.getId())).orElse(List.of());
        if (mine.isEmpty()) {
            runs.add(new ListItem(t("training.train.none-yet")));
        }
        for (RunJob run : mine.subList(0, Math.min(10, mine.size()))) {
            ListItem item = new ListItem(new Anchor("train/live/" + run.getId(), run.getName()),
                    new Span(" · " + RunText.status(run.getStatus())));
            runs.add(item);
        }
    }
}
