package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convlab.dataset.Dataset;
import org.convlab.i18n.Text;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Evaluation;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.LearningRateSchedule;
import org.convlab.training.engine.OptimizerKind;
import org.convlab.training.engine.Recipe;
import org.convlab.training.engine.Recipes;
import org.convlab.training.engine.RunPlan;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.nio.file.LinkOption;

/**
 * {@code train}: trains a model on a data set (Fashion-MNIST unless {@code --dataset} names another),
 * evaluates it on the test set and saves the run.
 */
@Command(name = "train", mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {

    @Mixin ModelChoice model;
    @Option(names = "--recipe", descriptionKey = "cli.help.option.train.recipe", completionCandidates = RecipeNames.class)
    String recipe;
    @Mixin DataChoice data;
    @Option(names = "--epochs", defaultValue = "5") int epochs;
    @Option(names = "--batch-size", defaultValue = "64") int batchSize;
    @Option(names = "--optimizer", defaultValue = "adam",
            descriptionKey = "cli.help.option.train.optimizer") String optimizer;
    @Option(names = "--lr", descriptionKey = "cli.help.option.train.lr") Double learningRate;
    @Option(names = "--schedule", defaultValue = "constant",
            descriptionKey = "cli.help.option.train.schedule") String schedule;
    @Option(names = "--warmup", defaultValue = "0",
            descriptionKey = "cli.help.option.train.warmup") int warmup;
    @Option(names = "--momentum", defaultValue = "0.9") double momentum;
    @Option(names = "--validation-split", defaultValue = "0.1") double validationSplit;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--rotate", defaultValue = "0", descriptionKey = "cli.help.option.train.rotate") double rotate;
    @Option(names = "--shift", defaultValue = "0", descriptionKey = "cli.help.option.train.shift") int shift;
    @Option(names = "--flip", descriptionKey = "cli.help.option.train.flip") boolean flip;
    @Option(names = "--early-stopping", defaultValue = "0", descriptionKey = "cli.help.option.train.early-stopping") int earlyStopping;
    @Option(names = "--reduce-lr", defaultValue = "0", descriptionKey = "cli.help.option.train.reduce-lr") int reduceLr;
    @Option(names = "--limit", descriptionKey = "cli.help.option.train.limit") Integer limit;
    @Option(names = "--device", defaultValue = "auto", descriptionKey = "cli.help.option.train.device") String device;
    @Option(names = "--threads", descriptionKey = "cli.help.option.train.threads") Integer threads;
    @Option(names = "--out", descriptionKey = "cli.help.option.train.out") Path out;
    @Option(names = "--json", descriptionKey = "cli.help.option.train.json") boolean json;
    @Spec CommandSpec command;

    @Override
    public Integer call() {
        ModelLimits limits = ModelLimits.fromSystemProperties();
        Recipe chosen = recipe == null ? null : Recipes.get(recipe);
        ModelSpec spec = chosen != null && model.preset == null && model.spec == null ? chosen.model() : model.load();
        Hyperparameters hp = (chosen == null ? settings() : settingsOver(chosen.settings())).withDataset(data.recordedKey());
        RunPlan.check(spec, hp, limits);  // the settings' own problems first, before a data set is read
        Dataset dataset = data.dataset();
        if (model.spec == null) {
            // A preset or a recipe's model: its input and last layer follow the data set, as on the Train page.
            spec = spec.forData(dataset.train().channels(), dataset.train().rows(), dataset.classNames().size());
        }
        ValidatedModel validated = RunPlan.check(spec, hp, limits).model();
        List<Text> misfits = RunPlan.misfitTexts(validated, dataset);
        if (!misfits.isEmpty()) {
            throw InvalidModelException.of(misfits);
        }
        // Refused before training: a save never replaces anything but a ConvLab run folder.
        Path dir = out != null ? out : freshRunFolder(Path.of("runs"), spec.name());
        RunStore.checkTarget(dir);

        ImageSet train = FashionMnistArrays.of(dataset.train(), dataset.classNames());
        ImageSet test = FashionMnistArrays.of(dataset.test(), dataset.classNames());
        ProgressBar progress = new ProgressBar(System.err, System.console() != null);
        TrainingRun.Outcome outcome = TrainingRun.execute(validated, hp, train, test, dir, limits, progress,
                new TrainingControl());
        print(dir, outcome.record(), outcome.evaluation());
        return 0;
    }

    /** The settings as given, each option at its default where it was not. */
    private Hyperparameters settings() {
        return new Hyperparameters(epochs, batchSize, OptimizerKind.parse(optimizer), learningRate, momentum,
                validationSplit, seed, new Augmentation(rotate, shift, flip), earlyStopping, reduceLr, 0.5, 1e-6, limit,
                DeviceChoice.parse(device), threads,
                new LearningRateSchedule(LearningRateSchedule.Kind.parse(schedule), warmup));
    }

    /** A recipe's settings, with each option given on the command line in place of the recipe's. */
    private Hyperparameters settingsOver(Hyperparameters r) {
        Hyperparameters given = settings();
        var parsed = command.commandLine().getParseResult();
        java.util.function.Predicate<String> has = parsed::hasMatchedOption;
        Augmentation a = r.augmentation();
        return new Hyperparameters(
                has.test("--epochs") ? given.epochs() : r.epochs(),
                has.test("--batch-size") ? given.batchSize() : r.batchSize(),
                has.test("--optimizer") ? given.optimizer() : r.optimizer(),
                has.test("--lr") ? given.learningRate() : has.test("--optimizer") ? null : r.learningRate(),
                has.test("--momentum") ? given.momentum() : r.momentum(),
                has.test("--validation-split") ? given.validationSplit() : r.validationSplit(),
                has.test("--seed") ? given.seed() : r.seed(),
                new Augmentation(has.test("--rotate") ? rotate : a.rotationDegrees(),
                        has.test("--shift") ? shift : a.shiftPixels(), has.test("--flip") ? flip : a.horizontalFlip()),
                has.test("--early-stopping") ? given.earlyStoppingPatience() : r.earlyStoppingPatience(),
                has.test("--reduce-lr") ? given.reduceLrPatience() : r.reduceLrPatience(),
                r.reduceLrFactor(), r.minLearningRate(),
                has.test("--limit") ? given.limit() : r.limit(),
                has.test("--device") ? given.device() : r.device(),
                has.test("--threads") ? given.threads() : r.threads(),
                new LearningRateSchedule(has.test("--schedule") ? given.schedule().kind() : r.schedule().kind(),
                        has.test("--warmup") ? given.schedule().warmupEpochs() : r.schedule().warmupEpochs()));
    }

    static final class RecipeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Recipes.names().iterator();
        }
    }

    /** runs/NAME-TIMESTAMP, always inside {@code runs} whatever the model is called; never an existing folder. */
    static Path freshRunFolder(Path runs, String modelName) {
        String base = RunStore.folderName(modelName) + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now());
        Path dir = runs.resolve(base);
        for (int i = 2; Files.exists(dir, LinkOption.NOFOLLOW_LINKS); i++) {
            dir = runs.resolve(base + "-" + i);
        }
        return dir;
    }

    private void print(Path dir, RunRecord r, Evaluation eval) {
        PrintWriter stdout = command.commandLine().getOut();
        if (json) {
            JsonOutput.print(stdout, resultJson(dir, r, eval));
            return;
        }
        stdout.println(CliText.t("cli.train.result", CliText.decimal(eval.testAccuracy(), 4),
                CliText.decimal(eval.testLoss(), 4), r.device(), CliText.decimal(r.trainSeconds(), 1)));
        stdout.print(eval.report().toText(CliText.locale()));
        stdout.println(CliText.t("cli.train.saved", dir));
        stdout.flush();
    }

    static Map<String, Object> resultJson(Path dir, RunRecord r, Evaluation eval) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", dir.toString());
        m.put("model", r.spec().name());
        m.put("device", r.device());
        m.put("params", r.params());
        m.put("trainImages", r.trainImages());
        m.put("validationImages", r.validationImages());
        m.put("trainSeconds", r.trainSeconds());
        m.put("stopReason", r.stopReason());
        m.put("hyperparameters", r.hyperparameters());
        m.put("history", r.history());
        m.put("testAccuracy", eval.testAccuracy());
        m.put("testLoss", eval.testLoss());
        m.put("misclassified", eval.misclassifiedCount());
        m.put("evaluationSeconds", eval.seconds());
        m.put("confusionMatrix", eval.confusionMatrix().counts());
        m.put("classNames", eval.confusionMatrix().classNames());
        m.put("report", eval.report());
        return m;
    }
}
