package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import org.convlab.base.ui.I18n;
import org.convlab.i18n.Text;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.Optional;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.LearningRateSchedule;
import org.convlab.training.engine.OptimizerKind;
import org.convlab.training.queue.RunSizes;

/**
 * The settings of a training run, each with a sentence on what it does. Defaults follow the decks:
 * Adam, batch 64, 10% of the training images held out for validation.
 */
final class HyperparameterForm extends FormLayout {

    /**
     * "All 60,000" or a subset (RunSizes.SUBSETS); a small subset trains in seconds and is enough to
     * see learning. The page picks the default from this server's speed.
     */
    static final List<Integer> IMAGE_COUNTS = java.util.stream.Stream.concat(java.util.stream.Stream.of(0),
            RunSizes.SUBSETS.stream().filter(n -> n > 0)).toList();

    final IntegerField epochs = integer("training.form.epochs", 5, "training.form.epochs.help");
    final IntegerField batchSize = integer("training.form.batch-size", 64, "training.form.batch-size.help");
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField(t("training.form.learning-rate"));
    final Select<LearningRateSchedule.Kind> schedule = new Select<>();
    final IntegerField warmup = integer("training.form.warmup", 0, "training.form.warmup.help");
    final NumberField validationSplit = new NumberField(t("training.form.validation-split"));
    final Select<Integer> images = new Select<>();
    final NumberField rotation = new NumberField(t("training.form.rotation"));
    final IntegerField shift = integer("training.form.shift", 0, "training.form.shift.help");
    final Checkbox flip = new Checkbox(t("training.form.flip"));
    final IntegerField earlyStopping = integer("training.form.early-stopping", 0, "training.form.early-stopping.help");
    final IntegerField reduceLr = integer("training.form.reduce-lr", 0, "training.form.reduce-lr.help");
    final IntegerField seed = integer("training.form.seed", 42, "training.form.seed.help");
    final Select<DeviceChoice> device = new Select<>();

    /**
     * @param devices the devices this server can train on (gpu only where one is usable)
     * @param whyNoGpu the one line saying why gpu is missing from them, or empty where it is offered
     */
    HyperparameterForm(List<DeviceChoice> devices, Optional<Text> whyNoGpu) {
        addClassName("hyperparameter-form");
        optimizer.setLabel(t("training.form.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setValue(OptimizerKind.ADAM);
        optimizer.setHelperText(t("training.form.optimizer.help"));
        learningRate.setPlaceholder(t("training.form.learning-rate.placeholder"));
        learningRate.setMin(0);
        learningRate.setHelperText(t("training.form.learning-rate.help", I18n.decimalUpTo(0.001, 3), I18n.decimalUpTo(0.01, 2)));
        schedule.setLabel(t("training.form.schedule"));
        schedule.setItems(LearningRateSchedule.Kind.values());
        schedule.setValue(LearningRateSchedule.Kind.CONSTANT);
        schedule.setHelperText(t(LearningRateSchedule.Kind.CONSTANT.help()));
        // One sentence per choice: the helper text follows the choice.
        schedule.addValueChangeListener(e -> schedule.setHelperText(e.getValue() == null ? "" : t(e.getValue().help())));
        validationSplit.setValue(0.1);
        validationSplit.setMin(0);
        validationSplit.setMax(0.5);
        validationSplit.setStep(0.05);
        validationSplit.setHelperText(t("training.form.validation-split.help"));
        images.setLabel(t("training.form.images"));
        images.setItems(IMAGE_COUNTS);
        images.setItemLabelGenerator(this::imagesLabel);
        images.setValue(0);
        images.setHelperText(t("training.form.images.help"));
        rotation.setValue(0.0);
        rotation.setMin(0);
        rotation.setMax(45);
        rotation.setHelperText(t("training.form.rotation.help"));
        flip.setTooltipText(t("training.form.flip.help"));
        device.setLabel(t("training.form.device"));
        device.setItems(devices);
        device.setValue(DeviceChoice.AUTO);
        device.setHelperText(t(whyNoGpu.orElse(Text.of("training.form.device.help"))));
        add(epochs, batchSize, optimizer, learningRate, schedule, warmup, validationSplit, images, rotation, shift, flip,
                earlyStopping, reduceLr, seed, device);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2), new ResponsiveStep("1000px", 3));
    }

    /** How many training images the chosen data set has: "all" means these. */
    private int allImages = org.convlab.training.queue.TrainingTimes.TRAIN_IMAGES;

    private String imagesLabel(Integer n) {
        return n == null || n == 0 ? t("training.form.images-all", allImages)
                : t(n <= 5_000 ? "training.form.images-quick" : "training.form.images-first", n);
    }

    /** The chosen data set has {@code count} training images: subsets as large are not offered. */
    void trainImages(int count) {
        allImages = count;
        List<Integer> counts = IMAGE_COUNTS.stream().filter(n -> n == 0 || n < count).toList();
        Integer chosen = images.getValue();
        images.setItems(counts);
        images.setValue(chosen != null && counts.contains(chosen) ? chosen : 0);
    }

    /** Offers {@code subset} (0: all) and chooses it; a size from elsewhere (the API) is added to the choices. */
    void useSubset(int subset) {
        if (images.getListDataView().getItems().noneMatch(n -> n == subset)) {
            List<Integer> counts = new java.util.ArrayList<>(images.getListDataView().getItems().toList());
            counts.add(subset);
            counts.sort(java.util.Comparator.comparing((Integer n) -> n == 0 ? Integer.MIN_VALUE : n));
            images.setItems(counts);
        }
        images.setValue(subset);
    }

    /**
     * A whole-number setting with its label and its sentence (keys). No min/max in the browser: the
     * server checks every value against its limits and says why.
     */
    private static IntegerField integer(String label, int value, String help) {
        IntegerField field = new IntegerField(t(label));
        field.setValue(value);
        field.setHelperText(t(help));
        return field;
    }

    Augmentation augmentation() {
        return new Augmentation(orZero(rotation.getValue()), shift.getValue() == null ? 0 : shift.getValue(),
                flip.getValue());
    }

    /** The settings as entered; {@link Hyperparameters#validate} says what is wrong with them. */
    Hyperparameters value() {
        Integer count = images.getValue();
        return new Hyperparameters(
                orZero(epochs.getValue()), orZero(batchSize.getValue()), optimizer.getValue(),
                learningRate.getValue(), 0.9, orZero(validationSplit.getValue()),
                seed.getValue() == null ? 42 : seed.getValue(), augmentation(),
                orZero(earlyStopping.getValue()), orZero(reduceLr.getValue()), 0.5, 1e-6,
                count == null || count == 0 ? (allImages < org.convlab.training.queue.TrainingTimes.TRAIN_IMAGES
                        ? Integer.valueOf(allImages) : null) : count, device.getValue(), null,
                new LearningRateSchedule(schedule.getValue(), orZero(warmup.getValue())));
    }

    /** Shows earlier settings, such as a run's being trained again; a device this server lacks becomes auto. */
    void fill(Hyperparameters hp) {
        epochs.setValue(hp.epochs());
        batchSize.setValue(hp.batchSize());
        optimizer.setValue(hp.optimizer());
        learningRate.setValue(hp.learningRate());
        schedule.setValue(hp.schedule().kind());
        warmup.setValue(hp.schedule().warmupEpochs());
        validationSplit.setValue(hp.validationSplit());
        // A run's own subset, even one the page does not offer (an API run), so training again keeps it.
        useSubset(hp.limit() == null || hp.limit() <= 0 || hp.limit() >= allImages ? 0 : hp.limit());
        Augmentation augmentation = hp.augmentation() == null ? Augmentation.NONE : hp.augmentation();
        rotation.setValue(augmentation.rotationDegrees());
        shift.setValue(augmentation.shiftPixels());
        flip.setValue(augmentation.horizontalFlip());
        earlyStopping.setValue(hp.earlyStoppingPatience());
        reduceLr.setValue(hp.reduceLrPatience());
        seed.setValue((int) hp.seed());
        boolean offered = device.getListDataView().getItems().anyMatch(d -> d == hp.device());
        device.setValue(offered ? hp.device() : DeviceChoice.AUTO);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
