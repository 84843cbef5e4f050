package org.convlab.cli;

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
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Trace one number inside a trained network back to its multiply-and-sum.",
            "Layers count from 1 as in `summary`; image, channel, row and column count from 0, as in the JSON.",
            "A flat layer (dense, flatten) has units: give the unit as --channel, with row and column 0."})
final class ExplainCommand implements Callable<Integer> {

    @Mixin DataChoice data;

    @Option(names = "--model", required = true, description = "A run folder written by `train`.") Path dir;
    @Option(names = "--image", required = true,
            description = "Which test image (0..9999 for Fashion-MNIST), of the data set the run trained on.") int image;
    @Option(names = "--layer", required = true, description = "The layer, counted from 1.") int layer;
    @Option(names = "--row", defaultValue = "0", description = "The cell's row in the layer's maps (default 0).") int row;
    @Option(names = "--col", defaultValue = "0", description = "The cell's column (default 0).") int col;
    @Option(names = "--channel", defaultValue = "0",
            description = "The feature map (or unit of a flat layer), default 0.") int channel;
    @Option(names = "--json", description = "Print only the trace as JSON on stdout.") boolean json;
    @Spec CommandSpec command;

    @Override
    public Integer call() {
        RunRecord record = RunStore.readRecord(dir);
        try (TrainedModel model = RunStore.load(dir, DjlRuntime.device(DeviceChoice.CPU))) {
            Dataset dataset = EvaluateCommand.testSetFor(data, record, model);
            ImageSet test = FashionMnistArrays.of(dataset.test(), dataset.classNames());
            if (image < 0 || image >= test.size()) {
                throw new IllegalArgumentException("image " + image + " does not exist (the test set has images 0.."
                        + (test.size() - 1) + ")");
            }
            NeuronTrace trace = new NetworkExplainer(model).trace(test.image(image), layer, channel, row, col);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, trace);
            } else {
                out.print("Test image " + image + " (" + test.classNames().get(test.labels()[image]) + "), ");
                out.print(TraceText.of(trace));
                out.flush();
            }
        }
        return 0;
    }
}
