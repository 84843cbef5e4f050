package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.DatasetStatistics;
import org.convlab.dataset.DatasetStatistics.ClassPair;
import org.convlab.dataset.DatasetStatistics.ClassSummary;
import org.convlab.dataset.LabeledImages;
import org.convlab.dataset.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "data", mixinStandardHelpOptions = true,
        subcommands = {DataListCommand.class, DataImportCommand.class, DataCommand.Stats.class})
final class DataCommand {

    @Command(name = "stats", mixinStandardHelpOptions = true)
    static final class Stats implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataChoice data;

        @Option(names = "--split", paramLabel = "train|test",
                descriptionKey = "cli.help.option.data.stats.split", converter = SplitConverter.class)
        Split split;

        @Option(names = "--json", descriptionKey = "cli.help.option.data.stats.json")
        boolean json;

        @Override
        public Integer call() {
            DatasetService service = data.service();
            Dataset dataset = service.dataset();
            String name = dataset.name();
            List<DatasetStatistics> stats = new ArrayList<>();
            List<double[][]> channelMeans = new ArrayList<>();
            for (Split s : split == null ? Split.values() : new Split[] {split}) {
                stats.add(service.statistics(s));
                channelMeans.add(channelMeans(dataset.split(s), dataset.classNames().size()));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, toJson(name, service.folder(), stats, channelMeans));
            } else {
                for (int i = 0; i < stats.size(); i++) {
                    printTable(out, name, stats.get(i), channelMeans.get(i));
                }
            }
            return 0;
        }
    }

    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<Split> {
        @Override
        public Split convert(String value) {
            for (Split s : Split.values()) {
                if (s.label().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    CliText.t("cli.data.not-a-split", value));
        }
    }

    /**
     * Each class's mean value (0–255) per channel, [class][channel]; null for grayscale images.
     * DatasetStatistics gives one mean over all channels; the colour of a class is what tells
     * colour-shapes' classes apart, so the command line shows it per channel.
     */
    static double[][] channelMeans(LabeledImages images, int classCount) {
        int channels = images.channels();
        if (channels == 1) {
            return null;
        }
        int plane = images.rows() * images.cols();
        long[][] sums = new long[classCount][channels];
        int[] counts = new int[classCount];
        byte[] pixels = images.pixels();
        for (int i = 0; i < images.size(); i++) {
            int label = images.label(i);
            counts[label]++;
            int offset = i * images.pixelsPerImage();
            for (int c = 0; c < channels; c++) {
                long sum = 0;
                for (int p = offset + c * plane, end = p + plane; p < end; p++) {
                    sum += pixels[p] & 0xFF;
                }
                sums[label][c] += sum;
            }
        }
        double[][] means = new double[classCount][channels];
        for (int k = 0; k < classCount; k++) {
            for (int c = 0; c < channels; c++) {
                means[k][c] = counts[k] == 0 ? 0 : (double) sums[k][c] / ((long) counts[k] * plane);
            }
        }
        return means;
    }

    static Map<String, Object> toJson(String name, Path folder, List<DatasetStatistics> stats,
            List<double[][]> channelMeans) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", name);
        root.put("folder", folder.toAbsolutePath().normalize().toString());
        List<Map<String, Object>> splits = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            DatasetStatistics s = stats.get(i);
            double[][] perChannel = channelMeans.get(i);
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("split", s.split().label());
            split.put("images", s.imageCount());
            split.put("pixelRange", new PixelRange(s.pixelMin(), s.pixelMax()));
            split.put("meanPixel", round(s.meanPixel(), 2));
            split.put("classes", s.classes().stream().map(c -> new ClassJson(
                    c.label(), c.name(), c.count(), round(c.meanPixel(), 2),
                    perChannel == null ? null : rounded(perChannel[c.label()]))).toList());
            Map<String, Object> correlation = new LinkedHashMap<>();
            correlation.put("classes", s.classes().stream().map(ClassSummary::name).toList());
            List<List<Double>> matrix = new ArrayList<>();
            for (double[] row : s.correlation()) {
                List<Double> values = new ArrayList<>();
                for (double r : row) {
                    values.add(round(r, 4));
                }
                matrix.add(values);
            }
            correlation.put("matrix", matrix);
            correlation.put("mostSimilar", pair(s.mostSimilarPair()));
            correlation.put("leastSimilar", pair(s.leastSimilarPair()));
            split.put("classMeanCorrelation", correlation);
            splits.add(split);
        }
        root.put("splits", splits);
        return root;
    }

    record PixelRange(int min, int max) {}

    /** {@code meanPerChannel}: red, green and blue, for colour images only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClassJson(int label, String name, int count, double meanPixel, List<Double> meanPerChannel) {}

    private static List<Double> rounded(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(round(v, 2));
        }
        return list;
    }

    record PairJson(List<String> classes, double correlation) {}

    private static PairJson pair(ClassPair pair) {
        return new PairJson(List.of(pair.first().name(), pair.second().name()), round(pair.correlation(), 4));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static void printTable(PrintWriter out, String name, DatasetStatistics s, double[][] perChannel) {
        out.println(CliText.t("cli.data.stats.head", name, s.split().label(), s.imageCount(), s.pixelMin(), s.pixelMax(),
                CliText.decimal(s.meanPixel(), 2)));
        out.println();
        // As wide as the longest class name ("purple circle" is 13), so the columns stay aligned.
        int width = Math.max(12, s.classes().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        String column = "%-" + width + "s";
        out.printf(CliText.locale(), "  %-3s " + column + " %7s %11s%s%n", "#", CliText.t("cli.data.column.class"),
                CliText.t("cli.data.column.images"), CliText.t("cli.data.column.mean-pixel"),
                perChannel == null ? "" : String.format(" %7s %7s %7s", CliText.t("cli.data.column.red"),
                        CliText.t("cli.data.column.green"), CliText.t("cli.data.column.blue")));
        for (ClassSummary c : s.classes()) {
            out.printf(CliText.locale(), "  %-3d " + column + " %,7d %11.2f", c.label(), c.name(), c.count(), c.meanPixel());
            if (perChannel != null) {
                for (double v : perChannel[c.label()]) {
                    out.printf(CliText.locale(), " %7.2f", v);
                }
            }
            out.println();
        }
        out.println();
        out.println("  " + CliText.t("cli.data.stats.correlation"));
        out.printf(CliText.locale(), "  " + column, "");
        for (ClassSummary c : s.classes()) {
            out.printf(CliText.locale(), " %6.6s", c.name());
        }
        out.println();
        for (int a = 0; a < s.correlation().length; a++) {
            out.printf(CliText.locale(), "  " + column, s.classes().get(a).name());
            for (double r : s.correlation()[a]) {
                out.printf(CliText.locale(), " %6.2f", r);
            }
            out.println();
        }
        ClassPair most = s.mostSimilarPair();
        ClassPair least = s.leastSimilarPair();
        out.println();
        out.println("  " + CliText.t("cli.data.stats.most-alike", most.first().name(), most.second().name(),
                CliText.decimal(most.correlation(), 2)));
        out.println("  " + CliText.t("cli.data.stats.least-alike", least.first().name(), least.second().name(),
                CliText.decimal(least.correlation(), 2)));
        out.println();
        out.flush();
    }
}
