package org.convlab.dataset.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.Heatmap;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetException;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.DatasetStatistics;
import org.convlab.dataset.DatasetStatistics.ClassPair;
import org.convlab.dataset.DatasetStatistics.ClassSummary;
import org.convlab.dataset.Split;

/**
 * What a notebook does before training, for one data set: sample images, class balance, brightness
 * per class (per channel for colour), the average item of each class and how alike those averages
 * are, train and test side by side, each view with a few words on what it tells a learner. Any set
 * works; Fashion-MNIST, the one most learners start with, gets words about its clothes.
 * If the set cannot be loaded, this says why instead ({@link DataProblem}).
 */
final class DatasetOverview extends Div {

    private static final String[] CHANNELS = {"red", "green", "blue"};
    /** Okabe–Ito vermillion, bluish green and blue: read as red, green and blue, and distinguishable by all. */
    private static final String[] CHANNEL_COLOURS = {"#D55E00", "#009E73", "#0072B2"};
    /** More classes than this and the mean images wrap, ten to a row. */
    private static final int MEAN_IMAGES_PER_ROW = 10;
    /** Means closer than this (on 0–255) are "about the same" in the words under the charts. */
    private static final double SAME_BRIGHTNESS = 5;

    final SampleGallery samples;
    final Button reshuffle = new Button("Show other images", VaadinIcon.REFRESH.create());
    final Chart balanceChart = new Chart("Number of images per class, training and test split");
    final Chart brightnessChart;

    /** @param defaultSet whether this is the server's default set (its problems are fixed in the data folder) */
    DatasetOverview(DatasetService datasets, boolean defaultSet) {
        addClassName("dataset-overview");
        Dataset dataset;
        DatasetStatistics train;
        DatasetStatistics test;
        try {
            dataset = datasets.dataset();
            train = datasets.statistics(Split.TRAIN);
            test = datasets.statistics(Split.TEST);
        } catch (DatasetException e) {
            samples = null;
            brightnessChart = null;
            add(new DataProblem(e.getMessage(), datasets.folder(), defaultSet));
            return;
        }
        boolean colour = dataset.train().colour();
        boolean fashion = dataset.classNames().containsAll(List.of("Shirt", "T-shirt/top", "Trouser"));
        int rows = dataset.train().rows();
        int cols = dataset.train().cols();

        add(new Paragraph(String.format(Locale.ROOT,
                "%s has %,d training images and %,d test images of %d %s, each %d×%d pixels %s. A model learns "
                        + "from the training images; the test images stay hidden until the end, to measure how "
                        + "well it does on pictures it has never seen.",
                dataset.name(), train.imageCount(), test.imageCount(), dataset.classNames().size(),
                fashion ? "kinds of clothing" : "classes", rows, cols,
                colour ? "in colour (red, green and blue)" : "in shades of gray")));

        samples = new SampleGallery(dataset, new Random());
        reshuffle.addClickListener(e -> samples.reshuffle());
        Div gallery = new Div(reshuffle, samples);
        gallery.addClassName("gallery-with-action");
        add(section("Sample images", gallery, samplesText(fashion, colour, rows, cols), null));

        balanceChart.setConfig(ChartConfig.bar(dataset.classNames())
                .series("training", counts(train))
                .series("test", counts(test))
                .axes(null, "images"));
        add(section("Class balance", balanceChart, balanceText(train, test), null));

        if (colour) {
            brightnessChart = new Chart("Mean red, green and blue value per class, training split");
            ChartConfig config = ChartConfig.bar(dataset.classNames());
            for (int ch = 0; ch < 3; ch++) {
                int channel = ch;
                config.series(CHANNELS[ch], rounded(train, c -> c.channelMean(channel))).colour(CHANNEL_COLOURS[ch]);
            }
            brightnessChart.setConfig(config.axes(null, "mean value (0–255), training split"));
        } else {
            brightnessChart = new Chart("Mean pixel value per class, training and test split");
            brightnessChart.setConfig(ChartConfig.bar(dataset.classNames())
                    .series("training", rounded(train, ClassSummary::meanPixel))
                    .series("test", rounded(test, ClassSummary::meanPixel))
                    .axes(null, "mean pixel value (0–255)"));
        }
        add(section(colour ? "How bright and how colourful is each class?" : "How bright is each class?",
                brightnessChart, brightnessText(train, fashion), classTable(train, test)));

        add(section("The average item of each class", meanImages(train, test, rows, cols),
                fashion ? "Each picture averages every image of one class, pixel by pixel. Trousers show two legs, "
                        + "bags a wide block, and the tops all blur into the same T-shape: averages that look "
                        + "alike belong to classes that are hard to tell apart."
                        : "Each picture averages every image of one class, pixel by pixel"
                                + (colour ? " and colour by colour" : "") + ". A clear shape means the class's "
                                + "images agree on where things are; a blur means they vary. Averages that look "
                                + "alike belong to classes that are hard to tell apart.", null));

        add(section("Which classes look alike?", correlations(train, test), correlationText(train, test), null));

        add(section("Pixel values", new Paragraph(pixelText(train, test)), null, null));
    }

    /** A titled block: the view, then what it tells a learner; {@code extra} follows the text. */
    private static Section section(String title, Component view, String explanation, Component extra) {
        Section section = new Section();
        section.addClassName("data-section");
        section.add(new H2(title), view);
        if (explanation != null) {
            Paragraph text = new Paragraph(explanation);
            text.addClassName("explanation");
            section.add(text);
        }
        if (extra != null) {
            section.add(extra);
        }
        return section;
    }

    private static String samplesText(boolean fashion, boolean colour, int rows, int cols) {
        if (fashion) {
            return "Each picture is a matrix of 28×28 numbers from 0 (black) to 255 (white). Look closely: "
                    + "some shirts could pass for pullovers or coats, and sandals, sneakers and ankle "
                    + "boots share shapes. Those are the mistakes to expect from a model.";
        }
        String numbers = colour
                ? String.format(Locale.ROOT, "three matrices of %d×%d numbers from 0 to 255, one each for red, "
                        + "green and blue, which together give each pixel its colour", rows, cols)
                : String.format(Locale.ROOT, "a matrix of %d×%d numbers from 0 (black) to 255 (white)", rows, cols);
        return "Each picture is " + numbers + ". Look for classes that could pass for one another: those are "
                + "the mistakes to expect from a model.";
    }

    private static List<Integer> counts(DatasetStatistics stats) {
        return stats.classes().stream().map(ClassSummary::count).toList();
    }

    private static List<Double> rounded(DatasetStatistics stats, ToDoubleFunction<ClassSummary> value) {
        return stats.classes().stream().map(c -> Math.round(value.applyAsDouble(c) * 100) / 100.0).toList();
    }

    private static String balanceText(DatasetStatistics train, DatasetStatistics test) {
        int minTrain = train.classes().stream().mapToInt(ClassSummary::count).min().orElse(0);
        int maxTrain = train.classes().stream().mapToInt(ClassSummary::count).max().orElse(0);
        int minTest = test.classes().stream().mapToInt(ClassSummary::count).min().orElse(0);
        int maxTest = test.classes().stream().mapToInt(ClassSummary::count).max().orElse(0);
        if (minTrain == maxTrain && minTest == maxTest) {
            return String.format(Locale.ROOT, "Every class has exactly %,d training %s and %,d test %s. "
                    + "With balanced classes, accuracy is a fair score, and a model that always guesses the "
                    + "same class gets only %d%% right: anything a trained model does above that, it learned.",
                    minTrain, minTrain == 1 ? "image" : "images", minTest, minTest == 1 ? "image" : "images",
                    Math.round(100.0 / train.classes().size()));
        }
        return String.format(Locale.ROOT, "Classes range from %,d to %,d training images. With unbalanced "
                + "classes a model can score well by favouring the big ones, so look at per-class recall, "
                + "not only accuracy.", minTrain, maxTrain);
    }

    private static String brightnessText(DatasetStatistics train, boolean fashion) {
        ClassSummary darkest = extreme(train, ClassSummary::meanPixel, false);
        ClassSummary brightest = extreme(train, ClassSummary::meanPixel, true);
        if (fashion) {
            return String.format(Locale.ROOT, "%s images are the darkest (mean %.1f): they cover little of the "
                    + "frame. %s images are the brightest (%.1f). Brightness alone separates some classes, but "
                    + "shirts (%.1f) and T-shirts (%.1f) are almost equally bright, so a model has to look at "
                    + "shape, not just the amount of ink.",
                    darkest.name(), darkest.meanPixel(), brightest.name(), brightest.meanPixel(),
                    meanOf(train, "Shirt"), meanOf(train, "T-shirt/top"));
        }
        String text = brightest.meanPixel() - darkest.meanPixel() < SAME_BRIGHTNESS
                ? String.format(Locale.ROOT, "Every class is about as bright as the others (mean %.1f to %.1f): "
                        + "brightness alone does not tell them apart.", darkest.meanPixel(), brightest.meanPixel())
                : String.format(Locale.ROOT, "%s images are the darkest (mean %.1f), %s images the brightest (%.1f). "
                        + "Brightness alone may separate some classes; where classes are about as bright, a model "
                        + "has to look at %s.", capitalised(darkest.name()), darkest.meanPixel(), brightest.name(),
                        brightest.meanPixel(), train.colour() ? "colour and shape" : "shape");
        if (!train.colour()) {
            return text;
        }
        String[] superlatives = {"reddest", "greenest", "bluest"};
        List<String> standouts = new java.util.ArrayList<>();
        for (int ch = 0; ch < 3; ch++) {
            int channel = ch;
            // How much a channel stands out in a class: its mean above the class's mean over all channels.
            ClassSummary most = extreme(train, c -> c.channelMean(channel) - c.meanPixel(), true);
            if (most.channelMean(channel) - most.meanPixel() >= SAME_BRIGHTNESS) {
                standouts.add(String.format(Locale.ROOT, "the %s are %s images (mean %s %.1f)", superlatives[ch],
                        most.name(), CHANNELS[ch], most.channelMean(channel)));
            }
        }
        if (standouts.isEmpty()) {
            return text + " No class leans to red, green or blue: colour will not tell them apart.";
        }
        String list = standouts.size() == 1 ? standouts.getFirst()
                : String.join(", ", standouts.subList(0, standouts.size() - 1)) + " and " + standouts.getLast();
        return text + " Per channel, " + list + ". Classes whose colours differ can be told apart by colour alone.";
    }

    /** A class name at the start of a sentence ("green circle" → "Green circle"). */
    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + name.substring(name.offsetByCodePoints(0, 1));
    }

    private static ClassSummary extreme(DatasetStatistics stats, ToDoubleFunction<ClassSummary> value, boolean max) {
        Comparator<ClassSummary> order = Comparator.comparingDouble(value);
        return (max ? stats.classes().stream().max(order) : stats.classes().stream().min(order)).orElseThrow();
    }

    private static double meanOf(DatasetStatistics stats, String name) {
        return stats.classes().stream().filter(c -> c.name().equals(name)).mapToDouble(ClassSummary::meanPixel)
                .findFirst().orElse(Double.NaN);
    }

    /** The numbers behind the charts, for reading exact values (and for screen readers). */
    private static Grid<ClassSummary> classTable(DatasetStatistics train, DatasetStatistics test) {
        Grid<ClassSummary> grid = new Grid<>();
        grid.addClassName("class-table");
        grid.addColumn(ClassSummary::label).setHeader("#").setWidth("3em").setFlexGrow(0);
        grid.addColumn(ClassSummary::name).setHeader("Class").setFlexGrow(2);
        grid.addColumn(c -> String.format(Locale.ROOT, "%,d", c.count())).setHeader("Training images");
        grid.addColumn(c -> String.format(Locale.ROOT, "%,d", test.classes().get(c.label()).count()))
                .setHeader("Test images");
        grid.addColumn(c -> String.format(Locale.ROOT, "%.2f", c.meanPixel())).setHeader("Mean pixel (training)");
        grid.addColumn(c -> String.format(Locale.ROOT, "%.2f", test.classes().get(c.label()).meanPixel()))
                .setHeader("Mean pixel (test)");
        if (train.colour()) {
            grid.addColumn(c -> String.format(Locale.ROOT, "%.1f / %.1f / %.1f", c.channelMean(0), c.channelMean(1),
                    c.channelMean(2))).setHeader("Red / green / blue (training)").setFlexGrow(2);
        }
        grid.setItems(train.classes());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Div meanImages(DatasetStatistics train, DatasetStatistics test, int rows, int cols) {
        Div grid = new Div();
        grid.addClassName("mean-images");
        int classCount = train.classes().size();
        if (classCount > MEAN_IMAGES_PER_ROW) {
            grid.addClassName("many-classes");
        } else {
            grid.getStyle().set("--class-columns", String.valueOf(classCount))
                    .set("--class-columns-narrow", String.valueOf(Math.min(5, classCount)));
        }
        for (DatasetStatistics stats : List.of(train, test)) {
            Span label = new Span(stats.split().label());
            label.addClassName("mean-images-split");
            grid.add(label);
            for (ClassSummary c : stats.classes()) {
                Div figure = new Div(new PixelImage(stats.meanImages()[c.label()], stats.channels(), rows, cols,
                        "Average " + c.name() + " (" + stats.split().label() + ")"), new Span(c.name()));
                figure.addClassName("sample");
                grid.add(figure);
            }
        }
        return grid;
    }

    private static Div correlations(DatasetStatistics train, DatasetStatistics test) {
        Div pair = new Div();
        pair.addClassName("side-by-side");
        for (DatasetStatistics stats : List.of(train, test)) {
            List<String> names = stats.classes().stream().map(ClassSummary::name).toList();
            ColorScale scale = new ColorScale(0, 1);
            Div panel = new Div(new H3(stats.split() == Split.TRAIN ? "Training split" : "Test split"),
                    new Heatmap("Correlation between class-mean images, " + stats.split().label() + " split",
                            names, names, stats.correlation(), scale, "%.2f"));
            panel.addClassName("panel");
            pair.add(panel);
        }
        return pair;
    }

    private static String correlationText(DatasetStatistics train, DatasetStatistics test) {
        double largestGap = IntStream.range(0, train.correlation().length)
                .mapToDouble(a -> IntStream.range(0, train.correlation().length)
                        .mapToDouble(b -> Math.abs(train.correlation()[a][b] - test.correlation()[a][b])).max().orElse(0))
                .max().orElse(0);
        String carry = largestGap < 0.1
                ? String.format(Locale.ROOT, "The two tables differ by at most %.2f, so the test images look like the "
                        + "training images: what a model learns should carry over.", largestGap)
                : String.format(Locale.ROOT, "The two tables differ by up to %.2f: the test images do not look quite "
                        + "like the training images, so expect a model to do worse on them.", largestGap);
        String intro = "Each cell is the correlation between two average images: 1 means the same picture, 0 no "
                + "relation. ";
        ClassPair most = train.mostSimilarPair();
        if (train.classes().size() == 2) {
            return intro + String.format(Locale.ROOT, "%s and %s have r = %.2f: the closer to 1, the harder a model "
                    + "will find it to tell them apart. ", most.first().name(), most.second().name(),
                    most.correlation()) + carry;
        }
        ClassPair least = train.leastSimilarPair();
        return intro + String.format(Locale.ROOT, "Most alike: %s and %s (r = %.2f), expect a model to mix them up. "
                + "Least alike: %s and %s (r = %.2f), nearly impossible to confuse. ",
                most.first().name(), most.second().name(), most.correlation(),
                least.first().name(), least.second().name(), least.correlation()) + carry;
    }

    private static String pixelText(DatasetStatistics train, DatasetStatistics test) {
        String text = String.format(Locale.ROOT, "Pixels range from %d to %d in the training split and from %d to %d "
                + "in the test split; the mean is %.1f and %.1f", train.pixelMin(), train.pixelMax(), test.pixelMin(),
                test.pixelMax(), train.meanPixel(), test.meanPixel());
        if (train.colour()) {
            text += String.format(Locale.ROOT, " (red %.1f, green %.1f and blue %.1f in the training split)",
                    train.channelMeans()[0], train.channelMeans()[1], train.channelMeans()[2]);
        }
        return text + ". Networks learn best from small numbers, so before training ConvLab divides every pixel"
                + (train.colour() ? " value" : "") + " by 255 to get values between 0 and 1.";
    }
}
