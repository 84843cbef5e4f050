package org.convlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ClassBenchmark} is asked to do: bench/class.sh's options, each checked with one clear
 * line for a mistake. {@code --work}, {@code --logs}, {@code --jar} and {@code --data-dir} are given by
 * the script.
 */
record ClassBenchmarkOptions(Path work, Path logs, Path jar, Path dataDir, int learners, List<String> policies, double slice,
        int longImages, int longEpochs, String shortPreset, int shortImages, int shortEpochs, double maxMinutes) {

    static ClassBenchmarkOptions parse(String[] args) {
        Path work = null;
        Path logs = null;
        Path jar = null;
        Path data = null;
        int learners = 30;
        List<String> policies = List.of("fifo", "fair");
        double slice = 30;
        int longImages = 30_000;
        int longEpochs = 2;
        String shortPreset = "keras-cnn";
        int shortImages = 2_000;
        int shortEpochs = 1;
        double maxMinutes = 60;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unknown option '" + shorten(name) + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--work" -> work = Path.of(value);
                case "--logs" -> logs = Path.of(value);
                case "--jar" -> jar = Path.of(value);
                case "--data-dir" -> data = Path.of(value);
                case "--learners" -> learners = whole(name, value, 1, 200);
                case "--policies" -> policies = policies(value);
                case "--slice" -> slice = decimal(name, value, 1, 3600);
                case "--long-images" -> longImages = whole(name, value, 100, 60_000);
                case "--long-epochs" -> longEpochs = whole(name, value, 1, 100);
                case "--short-preset" -> shortPreset = preset(value);
                case "--short-images" -> shortImages = whole(name, value, 100, 60_000);
                case "--short-epochs" -> shortEpochs = whole(name, value, 1, 100);
                case "--max-minutes" -> maxMinutes = decimal(name, value, 1, 24 * 60);
                default -> throw new IllegalArgumentException("unknown option '" + shorten(name) + "'");
            }
        }
        if (work == null || logs == null || jar == null || data == null) {
            throw new IllegalArgumentException("--work, --logs, --jar and --data-dir are needed (bench/class.sh gives them)");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("the jar " + jar + " is missing: run ./mvnw -B -q -o -DskipTests package");
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("the data set folder " + data + " is missing");
        }
        return new ClassBenchmarkOptions(work.toAbsolutePath(), logs.toAbsolutePath(), jar.toAbsolutePath(), data.toAbsolutePath(),
                learners, policies, slice, longImages, longEpochs, shortPreset, shortImages, shortEpochs, maxMinutes);
    }

    private static int whole(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + shorten(value) + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    private static double decimal(String name, String value, double min, double max) {
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number from " + fmt(min) + " to " + fmt(max) + ", not '" + shorten(value) + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(name + " must be from " + fmt(min) + " to " + fmt(max) + ", not " + shorten(value));
        }
        return d;
    }

    private static List<String> policies(String value) {
        List<String> list = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (!p.equals("fifo") && !p.equals("fair")) {
                throw new IllegalArgumentException("--policies takes fifo and/or fair, comma-separated, not '" + shorten(part) + "'");
            }
            if (list.contains(p)) {
                throw new IllegalArgumentException("--policies names " + p + " twice");
            }
            list.add(p);
        }
        return List.copyOf(list);
    }

    private static String preset(String value) {
        if (!value.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("--short-preset must be a preset's name such as keras-cnn, not '" + shorten(value) + "'");
        }
        return value;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 39) + "…" : clean;
    }
}
