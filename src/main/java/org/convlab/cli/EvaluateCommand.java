package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convlab.dataset.Dataset;
import org.convlab.i18n.Text;
import org.convlab.model.InvalidModelException;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.DjlRuntime;
import org.convlab.training.engine.Evaluation;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ModelEvaluator;
import org.convlab.training.engine.RunPlan;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate --model DIR}: re-evaluates a saved run on the test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true)
final class EvaluateCommand implements Callable<Integer> {

    @Mixin DataChoice data;

    @Option(names = "--model", required = true, descriptionKey = "cli.help.option.evaluate.model") Path dir;
    @Option(names = "--device", defaultValue = "auto", descriptionKey = "cli.help.option.evaluate.device") String device;
    @Option(names = "--json", descriptionKey = "cli.help.option.evaluate.json") boolean json;
    @Spec CommandSpec command;

    @Override
    public Integer call() {
        RunRecord record = RunStore.readRecord(dir);
        try (TrainedModel model = RunStore.load(dir, DjlRuntime.device(DeviceChoice.parse(device)))) {
            Dataset dataset = testSetFor(data, record, model);
            Evaluation eval = ModelEvaluator.evaluate(model, FashionMnistArrays.of(dataset.test(), dataset.classNames()), 0);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                Map<String, Object> m = TrainCommand.resultJson(dir, record, eval);
                m.put("device", DjlRuntime.describe(model.device()));
                m.put("trainedOn", record.device());
                JsonOutput.print(out, m);
            } else {
                out.println(CliText.t("cli.evaluate.result", record.spec().name(),
                        CliText.decimal(eval.testAccuracy(), 4), CliText.decimal(eval.testLoss(), 4)));
                out.print(eval.report().toText(CliText.locale()));
                out.flush();
            }
        }
        return 0;
    }

    /** The data set the run trained on (unless an option names another), refused in one line if the model does not fit it. */
    static Dataset testSetFor(DataChoice data, RunRecord record, TrainedModel model) {
        Dataset dataset = data.service(record.hyperparameters() == null ? null : record.hyperparameters().dataset())
                .dataset();
        List<Text> misfits = RunPlan.misfitTexts(model.spec(), dataset);
        if (!misfits.isEmpty()) {
            throw InvalidModelException.of(misfits);
        }
        return dataset;
    }
}
