package org.convlab.cli;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convlab.dataset.Dataset;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.DjlRuntime;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.NetworkExplainer;
import org.convlab.training.engine.NeuronTrace;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explain --model DIR --image N --layer L --row R --col C [--channel F]}: how one number of a
 * trained network was computed for one test image, with the model's real weights: the same trace
 * the run page's "Explain" view animates, so the arithmetic can be checked outside the app.
 */
@Command(name = "explain", mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    @Mixin DataChoice data;

    @Option(names = "--model", required = true, descriptionKey = "cli.help.option.explain.model") Path dir;
    @Option(names = "--image", required = true,
            descriptionKey = "cli.help.option.explain.image") int image;
    @Option(names = "--layer", required = true, descriptionKey = "cli.help.option.explain.layer") int layer;
    @Option(names = "--row", defaultValue = "0", descriptionKey = "cli.help.option.explain.row") int row;
    @Option(names = "--col", defaultValue = "0", descriptionKey = "cli.help.option.explain.col") int col;
    @Option(names = "--channel", defaultValue = "0",
            descriptionKey = "cli.help.option.explain.channel") int channel;
    @Option(names = "--json", descriptionKey = "cli.help.option.explain.json") boolean json;
    @Spec CommandSpec command;

    @Override
    public Integer call() {
        RunRecord record = RunStore.readRecord(dir);
        try (TrainedModel model = RunStore.load(dir, DjlRuntime.device(DeviceChoice.CPU))) {
            Dataset dataset = EvaluateCommand.testSetFor(data, record, model);
            ImageSet test = FashionMnistArrays.of(dataset.test(), dataset.classNames());
            if (image < 0 || image >= test.size()) {
                throw new TextException(Text.of("cli.explain.no-image", String.valueOf(image), String.valueOf(test.size() - 1)));
            }
            NeuronTrace trace = new NetworkExplainer(model).trace(test.image(image), layer, channel, row, col);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, trace);
            } else {
                out.print(CliText.t("cli.explain.image", String.valueOf(image), test.classNames().get(test.labels()[image])) + ", ");
                out.print(TraceText.of(trace));
                out.flush();
            }
        }
        return 0;
    }
}
