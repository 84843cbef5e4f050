package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.decimal;
import static org.convlab.base.ui.I18n.t;

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
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.Heatmap;
import org.convlab.base.ui.I18n;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetException;
import org.convlab.dataset.DatasetMetadata;
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

    private static final String[] CHANNELS = {"dataset.overview.channel.red", "dataset.overview.channel.green",
        "dataset.overview.channel.blue"};
    /** Okabe–Ito vermillion, bluish green and blue: read as red, green and blue, and distinguishable by all. */
    private static final String[] CHANNEL_COLOURS = {"#D55E00", "#009E73", "#0072B2"};
    /** More classes than this and the mean images wrap, ten to a row. */
    private static final int MEAN_IMAGES_PER_ROW = 10;
    /** Means closer than this (on 0–255) are "about the same" in the words under the charts. */
    private static final double SAME_BRIGHTNESS = 5;

    /** Fashion-MNIST's class names as the data set names them (data, not words to translate). */
    private static final String T_SHIRT = DatasetMetadata.FASHION_MNIST_CLASSES.get(0);
    private static final String TROUSER = DatasetMetadata.FASHION_MNIST_CLASSES.get(1);
    private static final String SHIRT = DatasetMetadata.FASHION_MNIST_CLASSES.get(6);

    final SampleGallery samples;
    final Button reshuffle = new Button(t("dataset.overview.reshuffle"), VaadinIcon.REFRESH.create());
    final Chart balanceChart = new Chart(t("dataset.overview.balance.chart"));
    final Chart brightnessChart;

    /** A set under the name in its files. */
    DatasetOverview(DatasetService datasets, boolean defaultSet) {
        this(datasets, defaultSet, null);
    }

    /**
     * @param defaultSet whether this is the server's default set (its problems are fixed in the data folder)
     * @param shownName the set's name as the page shows it (a built-in set's in the reader's language), or
     *     null for the name in its files
     */
    DatasetOverview(DatasetService datasets, boolean defaultSet, String shownName) {
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
            add(new DataProblem(I18n.message(e), datasets.folder(), defaultSet));
            return;
        }
        boolean colour = dataset.train().colour();
        boolean fashion = dataset.classNames().containsAll(List.of(SHIRT, T_SHIRT, TROUSER));
        int rows = dataset.train().rows();
        int cols = dataset.train().cols();

        add(new Paragraph(t("dataset.overview.intro", shownName == null ? dataset.name() : shownName, train.imageCount(), test.imageCount(),
                dataset.classNames().size(), t(fashion ? "dataset.overview.intro.clothing" : "dataset.overview.intro.classes"),
                rows, cols, t(colour ? "dataset.overview.intro.colour" : "dataset.overview.intro.gray"))));

        samples = new SampleGallery(dataset, new Random());
        reshuffle.addClickListener(e -> samples.reshuffle());
        Div gallery = new Div(reshuffle, samples);
        gallery.addClassName("gallery-with-action");
        add(section(t("dataset.overview.samples.heading"), gallery, samplesText(fashion, colour, rows, cols), null));

        balanceChart.setConfig(ChartConfig.bar(dataset.classNames())
                .series(t("dataset.overview.series.training"), counts(train))
                .series(t("dataset.overview.series.test"), counts(test))
                .axes(null, t("dataset.overview.balance.axis")));
        add(section(t("dataset.overview.balance.heading"), balanceChart, balanceText(train, test), null));

        if (colour) {
            brightnessChart = new Chart(t("dataset.overview.brightness.chart-colour"));
            ChartConfig config = ChartConfig.bar(dataset.classNames());
            for (int ch = 0; ch < 3; ch++) {
                int channel = ch;
                config.series(t(CHANNELS[ch]), rounded(train, c -> c.channelMean(channel))).colour(CHANNEL_COLOURS[ch]);
            }
            brightnessChart.setConfig(config.axes(null, t("dataset.overview.brightness.axis-colour")));
        } else {
            brightnessChart = new Chart(t("dataset.overview.brightness.chart"));
            brightnessChart.setConfig(ChartConfig.bar(dataset.classNames())
                    .series(t("dataset.overview.series.training"), rounded(train, ClassSummary::meanPixel))
                    .series(t("dataset.overview.series.test"), rounded(test, ClassSummary::meanPixel))
                    .axes(null, t("dataset.overview.brightness.axis")));
        }
        add(section(t(colour ? "dataset.overview.brightness.heading-colour" : "dataset.overview.brightness.heading"),
                brightnessChart, brightnessText(train, fashion), classTable(train, test)));

        add(section(t("dataset.overview.means.heading"), meanImages(train, test, rows, cols),
                t(fashion ? "dataset.overview.means.fashion" : colour ? "dataset.overview.means.colour"
                        : "dataset.overview.means.gray"), null));

        add(section(t("dataset.overview.alike.heading"), correlations(train, test), correlationText(train, test), null));

        add(section(t("dataset.overview.pixels.heading"), new Paragraph(pixelText(train, test)), null, null));
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
            return t("dataset.overview.samples.fashion");
        }
        return t(colour ? "dataset.overview.samples.colour" : "dataset.overview.samples.gray", rows, cols);
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
            return t("dataset.overview.balance.even", I18n.count("dataset.overview.balance.training-images", minTrain),
                    I18n.count("dataset.overview.balance.test-images", minTest),
                    I18n.percent(Math.round(100.0 / train.classes().size()) / 100.0, 0));
        }
        return t("dataset.overview.balance.uneven", minTrain, maxTrain);
    }

    private static String brightnessText(DatasetStatistics train, boolean fashion) {
        ClassSummary darkest = extreme(train, ClassSummary::meanPixel, false);
        ClassSummary brightest = extreme(train, ClassSummary::meanPixel, true);
        if (fashion) {
            return t("dataset.overview.brightness.fashion", darkest.name(), decimal(darkest.meanPixel(), 1),
                    brightest.name(), decimal(brightest.meanPixel(), 1), decimal(meanOf(train, SHIRT), 1),
                    decimal(meanOf(train, T_SHIRT), 1));
        }
        String text = brightest.meanPixel() - darkest.meanPixel() < SAME_BRIGHTNESS
                ? t("dataset.overview.brightness.same", decimal(darkest.meanPixel(), 1), decimal(brightest.meanPixel(), 1))
                : t(train.colour() ? "dataset.overview.brightness.differ-colour" : "dataset.overview.brightness.differ",
                        capitalised(darkest.name()), decimal(darkest.meanPixel(), 1), brightest.name(),
                        decimal(brightest.meanPixel(), 1));
        if (!train.colour()) {
            return text;
        }
        String[] standout = {"dataset.overview.brightness.reddest", "dataset.overview.brightness.greenest",
                "dataset.overview.brightness.bluest"};
        List<String> standouts = new java.util.ArrayList<>();
        for (int ch = 0; ch < 3; ch++) {
            int channel = ch;
            // How much a channel stands out in a class: its mean above the class's mean over all channels.
            ClassSummary most = extreme(train, c -> c.channelMean(channel) - c.meanPixel(), true);
            if (most.channelMean(channel) - most.meanPixel() >= SAME_BRIGHTNESS) {
                standouts.add(t(standout[ch], most.name(), decimal(most.channelMean(channel), 1)));
            }
        }
        if (standouts.isEmpty()) {
            return t("dataset.overview.brightness.no-lean", text);
        }
        String list = standouts.size() == 1 ? standouts.getFirst()
                : t("dataset.overview.list.and", String.join(t("dataset.overview.list.comma"),
                        standouts.subList(0, standouts.size() - 1)), standouts.getLast());
        return t("dataset.overview.brightness.per-channel", text, list);
    }

    /** A class name at the start of a sentence ("green circle" → "Green circle"). */
    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(I18n.locale())
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
        grid.addColumn(ClassSummary::name).setHeader(t("dataset.overview.table.class")).setFlexGrow(2);
        grid.addColumn(c -> I18n.integer(c.count())).setHeader(t("dataset.overview.table.training-images"));
        grid.addColumn(c -> I18n.integer(test.classes().get(c.label()).count()))
                .setHeader(t("dataset.overview.table.test-images"));
        grid.addColumn(c -> decimal(c.meanPixel(), 2)).setHeader(t("dataset.overview.table.mean-training"));
        grid.addColumn(c -> decimal(test.classes().get(c.label()).meanPixel(), 2))
                .setHeader(t("dataset.overview.table.mean-test"));
        if (train.colour()) {
            grid.addColumn(c -> String.join(" / ", decimal(c.channelMean(0), 1), decimal(c.channelMean(1), 1),
                    decimal(c.channelMean(2), 1))).setHeader(t("dataset.overview.table.rgb")).setFlexGrow(2);
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
            String split = t(stats.split() == Split.TRAIN ? "dataset.split.train" : "dataset.split.test");
            Span label = new Span(split);
            label.addClassName("mean-images-split");
            grid.add(label);
            for (ClassSummary c : stats.classes()) {
                Div figure = new Div(new PixelImage(stats.meanImages()[c.label()], stats.channels(), rows, cols,
                        t("dataset.overview.means.alt", c.name(), split)), new Span(c.name()));
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
            boolean training = stats.split() == Split.TRAIN;
            Div panel = new Div(new H3(t(training ? "dataset.overview.alike.training" : "dataset.overview.alike.test")),
                    new Heatmap(t(training ? "dataset.overview.alike.heatmap-training" : "dataset.overview.alike.heatmap-test"),
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
        String carry = t(largestGap < 0.1 ? "dataset.overview.alike.carry-over" : "dataset.overview.alike.differ",
                decimal(largestGap, 2));
        ClassPair most = train.mostSimilarPair();
        if (train.classes().size() == 2) {
            return t("dataset.overview.alike.two", most.first().name(), most.second().name(),
                    decimal(most.correlation(), 2), carry);
        }
        ClassPair least = train.leastSimilarPair();
        return t("dataset.overview.alike.many", most.first().name(), most.second().name(),
                decimal(most.correlation(), 2), least.first().name(), least.second().name(),
                decimal(least.correlation(), 2), carry);
    }

    private static String pixelText(DatasetStatistics train, DatasetStatistics test) {
        if (train.colour()) {
            return t("dataset.overview.pixels.colour", train.pixelMin(), train.pixelMax(), test.pixelMin(),
                    test.pixelMax(), decimal(train.meanPixel(), 1), decimal(test.meanPixel(), 1),
                    decimal(train.channelMeans()[0], 1), decimal(train.channelMeans()[1], 1),
                    decimal(train.channelMeans()[2], 1));
        }
        return t("dataset.overview.pixels.gray", train.pixelMin(), train.pixelMax(), test.pixelMin(), test.pixelMax(),
                decimal(train.meanPixel(), 1), decimal(test.meanPixel(), 1));
    }
}
