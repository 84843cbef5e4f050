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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.dataset.DatasetService;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ui.ModelDraft;
import org.convlab.training.queue.DeviceService;
import org.convlab.training.queue.RunAccess;
import org.convlab.training.queue.RunJson;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.model.ModelSpecJson;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.convlab.training.queue.TrainingService;
import org.convlab.account.CurrentUser;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;

/**
 * Choose a model and the training settings, see what augmentation does to the images, and start.
 * Training runs on the server; the live dashboard opens at once and can be left and reopened.
 */
@PermitAll
@Route("train")
@PageTitle("Train · ConvLab")
final class TrainView extends Main implements BeforeEnterObserver {

    static final String DRAFT_CHOICE = "your model from the builder";
    /** The Train page with a run's model and settings filled in: this plus the run's id. */
    static final String AGAIN_PATH = "train?again=";

    final Select<String> model = new Select<>();
    final Span modelSummary = new Span();
    final HyperparameterForm form;
    final Button start = new Button("Start training", VaadinIcon.PLAY.create());
    final Div problems = new Div();
    /** Why {@code ?again=} could not fill in a run's settings. */
    final Paragraph againNote = new Paragraph();
    final UnorderedList runs = new UnorderedList();

    private final TrainingService training;
    private final RunQueue queue;
    private final CurrentUser current;
    private final RunAccess access;
    /** The model of the run being trained again, offered as the first choice; null otherwise. */
    private ModelSpec againSpec;
    private String againChoice;

    TrainView(TrainingService training, DatasetService datasets, RunQueue queue,
            CurrentUser current, DeviceService devices, RunAccess access) {
        this.training = training;
        this.access = access;
        this.form = new HyperparameterForm(devices.choices(), devices.whyNoGpu());
        this.queue = queue;
        this.current = current;
        addClassNames("page", "train-view");
        add(new H1("Train a model"), new Paragraph("Pick a model, choose how to train it, and start. Training "
                + "runs on the server: you can leave this page and come back, and the run keeps going."));

        List<String> choices = new ArrayList<>();
        ModelDraft.current().ifPresent(d -> choices.add(DRAFT_CHOICE));
        choices.addAll(Presets.names());
        model.setLabel("Model");
        model.setItems(choices);
        model.setValue(choices.getFirst());
        // New items (a run trained again) empty the choice for a moment: nothing to describe then.
        model.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                describeModel();
            }
        });
        Anchor edit = new Anchor("train/model", "Build or edit a model →");
        Div modelRow = new Div(model, modelSummary, edit);
        modelRow.addClassName("model-choice");
        describeModel();

        problems.addClassName("callout-error");
        problems.setVisible(false);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.addClickListener(e -> start());

        againNote.addClassName("callout-info");
        againNote.setVisible(false);
        add(againNote, new H2("Model"), modelRow, new H2("Settings"), form);
        datasets.problem().ifPresentOrElse(problem -> {
            start.setEnabled(false);
            problems.setText("Training needs the data set, which cannot be loaded: " + problem);
            problems.setVisible(true);
        }, () -> {
            AugmentationPreview preview = new AugmentationPreview(datasets.dataset());
            preview.show(form.augmentation());
            form.rotation.addValueChangeListener(e -> preview.show(form.augmentation()));
            form.shift.addValueChangeListener(e -> preview.show(form.augmentation()));
            form.flip.addValueChangeListener(e -> preview.show(form.augmentation()));
            add(new H2("Augmentation preview"), new Paragraph("Top: six training images. Bottom: the same images "
                    + "as training might see them this time; each epoch draws new random changes."), preview);
        });
        Paragraph experiments = new Paragraph("Want to compare settings? ");
        experiments.add(new Anchor("train/experiments", "Queue an experiment grid (activations, optimizers, batch sizes, pooling"
                + (devices.gpuUsable() ? ", CPU vs GPU" : "") + ") →"));
        add(problems, start, experiments, new H2("Runs since the server started"), runs);
        listRuns();
    }

    /**
     * {@code ?again=ID} fills in the model and settings of a run the user may see. Anything else
     * (no such run, someone else's, settings that no longer read) leaves the usual page and says so.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> again = event.getLocation().getQueryParameters().getParameters().getOrDefault("again", List.of());
        if (again.isEmpty()) {
            return;
        }
        RunJob run = again.getFirst().isBlank() ? null : access.viewableOrEmpty(again.getFirst()).orElse(null);
        if (run == null) {
            note("That run cannot be found among the runs you can see, so the usual settings are shown.");
            return;
        }
        Hyperparameters hp;
        try {
            againSpec = ModelSpecJson.parse(run.getSpecJson());
            hp = RunJson.hyperparameters(run.getHyperparametersJson());
        } catch (RuntimeException e) {
            againSpec = null;
            note("The settings of \"" + run.getName() + "\" cannot be read any more, so the usual settings are shown.");
            return;
        }
        againChoice = "the model of " + run.getName();
        List<String> choices = new ArrayList<>(model.getListDataView().getItems().toList());
        choices.addFirst(againChoice);
        model.setItems(choices);
        model.setValue(againChoice);
        form.fill(hp);
    }

    private void note(String text) {
        againNote.setText(text);
        againNote.setVisible(true);
    }

    private ModelSpec chosenSpec() {
        String choice = model.getValue();
        if (againChoice != null && againChoice.equals(choice)) {
            return againSpec;
        }
        if (DRAFT_CHOICE.equals(choice)) {
            return ModelDraft.current().orElse(Presets.get("keras-cnn"));
        }
        return Presets.get(choice);
    }

    private void describeModel() {
        ModelSpec spec = chosenSpec();
        try {
            var validated = ModelValidator.validate(spec, training.limits());
            modelSummary.setText(String.format(Locale.ROOT, "%s: %d layers, %,d parameters",
                    spec.name(), spec.layers().size(), validated.totalParams()));
        } catch (InvalidModelException e) {
            modelSummary.setText(spec.name() + ": cannot be trained as it is (" + e.problems().size()
                    + " problem" + (e.problems().size() == 1 ? "" : "s") + "); fix it in the model builder");
        }
    }

    /** Queues the run and opens its dashboard; bad settings are explained and nothing is queued. */
    void start() {
        try {
            RunJob run = queue.submit(current.require().getId(), chosenSpec(), form.value());
            getUI().ifPresent(ui -> ui.navigate(TrainingDashboardView.class, run.getId()));
        } catch (IllegalArgumentException e) {
            List<String> lines = e instanceof InvalidModelException invalid ? invalid.problems() : List.of(e.getMessage());
            problems.removeAll();
            problems.add(new Paragraph("Training did not start:"));
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
            runs.add(new ListItem("None yet."));
        }
        for (RunJob run : mine.subList(0, Math.min(10, mine.size()))) {
            ListItem item = new ListItem(new Anchor("train/live/" + run.getId(), run.getName()),
                    new Span(" · " + run.getStatus().name().toLowerCase(Locale.ROOT)));
            runs.add(item);
        }
    }
}
