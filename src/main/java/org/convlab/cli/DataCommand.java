package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.DatasetStatistics;
import org.convlab.dataset.DatasetStatistics.ClassPair;
import org.convlab.dataset.DatasetStatistics.ClassSummary;
import org.convlab.dataset.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Look at the data set before training.",
        subcommands = DataCommand.Stats.class)
final class DataCommand {

    /** Options every command that reads the data set shares. */
    static final class DataFolderOption {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Folder with the four IDX files and dataset.json "
                        + "(default: $CONVLAB_DATA_DIR or data/fashion-mnist).")
        Path folder;

        DatasetService service() {
            return new DatasetService(folder != null ? folder : DatasetService.defaultFolder());
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Image counts, class balance, mean pixel value per class, "
                    + "the correlation between class-mean images and the pixel range.")
    static final class Stats implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataFolderOption data;

        @Option(names = "--split", paramLabel = "train|test",
                description = "Only this split (default: both).", converter = SplitConverter.class)
        Split split;

        @Option(names = "--json", description = "Print only a JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            DatasetService service = data.service();
            String name = service.dataset().name();
            List<DatasetStatistics> stats = new ArrayList<>();
            for (Split s : split == null ? Split.values() : new Split[] {split}) {
                stats.add(service.statistics(s));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, toJson(name, service.folder(), stats));
            } else {
                stats.forEach(s -> printTable(out, name, s));
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
                    "'" + value + "' is not a split: use train or test");
        }
    }

    static Map<String, Object> toJson(String name, Path folder, List<DatasetStatistics> stats) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", name);
        root.put("folder", folder.toAbsolutePath().normalize().toString());
        List<Map<String, Object>> splits = new ArrayList<>();
        for (DatasetStatistics s : stats) {
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("split", s.split().label());
            split.put("images", s.imageCount());
            split.put("pixelRange", new PixelRange(s.pixelMin(), s.pixelMax()));
            split.put("meanPixel", round(s.meanPixel(), 2));
            split.put("classes", s.classes().stream().map(c -> new ClassJson(
                    c.label(), c.name(), c.count(), round(c.meanPixel(), 2))).toList());
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

    record ClassJson(int label, String name, int count, double meanPixel) {}

    record PairJson(List<String> classes, double correlation) {}

    private static PairJson pair(ClassPair pair) {
        return new PairJson(List.of(pair.first().name(), pair.second().name()), round(pair.correlation(), 4));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static void printTable(PrintWriter out, String name, DatasetStatistics s) {
        out.printf("%s, %s split: %,d images, pixel values %d–%d, mean %.2f%n%n",
                name, s.split().label(), s.imageCount(), s.pixelMin(), s.pixelMax(), s.meanPixel());
        // As wide as the longest class name ("purple circle" is 13), so the columns stay aligned.
        int width = Math.max(12, s.classes().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        String column = "%-" + width + "s";
        out.printf("  %-3s " + column + " %7s %11s%n", "#", "class", "images", "mean pixel");
        for (ClassSummary c : s.classes()) {
            out.printf("  %-3d " + column + " %,7d %11.2f%n", c.label(), c.name(), c.count(), c.meanPixel());
        }
        out.println();
        out.println("  Correlation between class-mean images (Pearson r):");
        out.printf("  " + column, "");
        for (ClassSummary c : s.classes()) {
            out.printf(" %6.6s", c.name());
        }
        out.println();
        for (int a = 0; a < s.correlation().length; a++) {
            out.printf("  " + column, s.classes().get(a).name());
            for (double r : s.correlation()[a]) {
                out.printf(" %6.2f", r);
            }
            out.println();
        }
        ClassPair most = s.mostSimilarPair();
        ClassPair least = s.leastSimilarPair();
        out.printf("%n  Most alike:  %s and %s (r = %.2f)%n", most.first().name(), most.second().name(), most.correlation());
        out.printf("  Least alike: %s and %s (r = %.2f)%n%n", least.first().name(), least.second().name(), least.correlation());
        out.flush();
    }
}
