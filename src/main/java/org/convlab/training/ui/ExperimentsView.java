package org.convlab.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import static org.convlab.base.ui.I18n.t;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.ui.DatasetPicker;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelSpec;
import org.convlab.model.Presets;
import org.convlab.model.ui.ModelDraft;
import org.convlab.training.engine.ExperimentGrid;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.TrainingService;
import org.convlab.training.queue.RunQueue.GridRun;
import java.util.Arrays;
import org.convlab.account.CurrentUser;
import org.convlab.training.queue.DeviceService;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;

/**
 * Experiment grids: one click queues a set of runs that differ in one thing, and their results land
 * in one comparison, as in deck 004's tables.
 */
@PermitAll
@Route("train/experiments")
final class ExperimentsView extends Main implements HasDynamicTitle {

    final Select<String> model = new Select<>();
    /** The data set every variant trains on; the base model's input and output follow it. */
    final DatasetPicker dataset;
    final RadioButtonGroup<ExperimentGrid.Kind> kind = new RadioButtonGroup<>(t("training.experiments.experiment"));
    final IntegerField epochs = new IntegerField(t("training.experiments.epochs"));
    final Select<Integer> images = new Select<>();
    final Button start = new Button(t("training.experiments.start"), VaadinIcon.PLAY.create());
    final Paragraph problem = new Paragraph();
    final Div results = new Div();

    private final TrainingService training;

    private final RunQueue queue;
    private final CurrentUser current;

    ExperimentsView(TrainingService training, RunQueue queue, CurrentUser current, DeviceService devices,
            DatasetCatalog catalog) {
        this.dataset = new DatasetPicker(catalog.choicesFor(current.get()));
        this.queue = queue;
        this.current = current;
        this.training = training;
        addClassNames("page", "experiments-view");
        add(new H1(t("training.experiments.heading")), new Paragraph(t("training.experiments.intro")));

        List<String> choices = new ArrayList<>();
        ModelDraft.current().ifPresent(d -> choices.add(TrainView.draftChoice()));
        choices.addAll(Presets.names());
        model.setLabel(t("training.experiments.base-model"));
        model.setItems(choices);
        model.setValue(choices.contains("baseline-cnn") ? "baseline-cnn" : choices.getFirst());
        boolean gpu = devices.gpuUsable();
        kind.setItems(Arrays.stream(ExperimentGrid.Kind.values())
                .filter(k -> gpu || k != ExperimentGrid.Kind.DEVICE).toList());
        kind.setItemLabelGenerator(k -> t("training.experiments.kind", t(k.title()), t(k.question())));
        kind.setValue(ExperimentGrid.Kind.POOLING);
        epochs.setValue(2);
        images.setLabel(t("training.experiments.images"));
        images.setItems(HyperparameterForm.IMAGE_COUNTS);
        images.setItemLabelGenerator(n -> n == 0 ? t("training.form.images-all", trainCount())
                : t("training.form.images-quick", n));
        // "All" counts the chosen set's images; the labels are drawn again when it changes.
        dataset.addValueChangeListener(e -> images.getListDataView().refreshAll());
        images.setValue(5_000);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        problem.addClassName("callout-error");
        problem.setVisible(false);
        Div form = new Div(dataset, model, epochs, images);
        form.addClassName("builder-toolbar");
        add(form, kind, problem, start);
        if (!gpu) {
            Paragraph noGpu = new Paragraph(t("training.experiments.no-gpu", DeviceService.NO_GPU));
            noGpu.addClassName("no-gpu");
            add(noGpu);
        }
        add(new H2(t("training.experiments.results")), results);
        List<GridRun> grids = current.get().map(u -> queue.gridsOf(u.getId())).orElse(List.of());
        grids.forEach(grid -> results.add(new GridPanel(grid)));
        if (grids.isEmpty()) {
            results.add(new Paragraph(t("training.experiments.none-yet")));
        }
    }

    @Override
    public String getPageTitle() {
        return t("training.experiments.page-title");
    }

    /** The chosen model, its input and output fitted to the chosen data set (as on the Train page). */
    private ModelSpec baseModel() {
        String choice = model.getValue();
        ModelSpec spec = TrainView.draftChoice().equals(choice) ? ModelDraft.current().orElse(Presets.get("keras-cnn"))
                : Presets.get(choice);
        DatasetChoice data = dataset.getValue();
        return data == null ? spec : spec.forData(data.channels(), data.imageSize(), data.classNames().size());
    }

    private int trainCount() {
        return dataset == null || dataset.getValue() == null ? 60_000 : dataset.getValue().trainCount();
    }

    /** Queues the grid; if any variant cannot be trained, nothing is queued and the page says why. */
    void start() {
        Integer count = images.getValue();
        Hyperparameters hp = Hyperparameters.defaults()
                .withEpochs(epochs.getValue() == null ? 0 : epochs.getValue())
                .withLimit(count == null || count == 0 ? null : count)
                .withDataset(dataset.key());
        try {
            List<RunJob> jobs = queue.submitGrid(current.require().getId(),
                    ExperimentGrid.of(kind.getValue(), baseModel(), hp));
            GridRun grid = queue.grid(jobs.getFirst().getGridId());
            problem.setVisible(false);
            results.getChildren().filter(c -> !(c instanceof GridPanel)).toList().forEach(results::remove);
            results.addComponentAsFirst(new GridPanel(grid));
        } catch (IllegalArgumentException | InvalidModelException e) {
            problem.setText(t("training.experiments.not-queued", RunText.refusal(e)));
            problem.setVisible(true);
        }
    }
}
