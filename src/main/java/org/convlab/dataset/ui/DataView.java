package org.convlab.dataset.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.Heatmap;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.DatasetStatistics;
import org.convlab.dataset.DatasetStatistics.ClassPair;
import org.convlab.dataset.DatasetStatistics.ClassSummary;
import org.convlab.dataset.Split;

/**
 * What a notebook does before training, as one page: sample images, class balance, brightness per
 * class, the average item of each class and how alike those averages are, train and test side by
 * side, each view with a few words on what it tells a learner.
 */
@AnonymousAllowed
@Route("data")
@PageTitle("Data · ConvLab")
final class DataView extends Main {

    final SampleGallery samples;
    final Button reshuffle = new Button("Show other images", VaadinIcon.REFRESH.create());
    final Chart balanceChart = new Chart("Number of images per class, training and test split");
    final Chart brightnessChart = new Chart("Mean pixel value per class, training and test split");

    DataView(DatasetService datasets) {
        addClassName("page");
        add(new H1("Explore the data"));
        var problem = datasets.problem();
        if (problem.isPresent()) {
            samples = null;
            add(new DataProblem(problem.get(), datasets.folder()));
            return;
        }
        Dataset dataset = datasets.dataset();
        DatasetStatistics train = datasets.statistics(Split.TRAIN);
        DatasetStatistics test = datasets.statistics(Split.TEST);

        add(new Paragraph(String.format(Locale.ROOT,
                "%s has %,d training images and %,d test images of %d kinds of clothing, each %d×%d pixels "
                        + "in shades of gray. A model learns from the training images; the test images stay "
                        + "hidden until the end, to measure how well it does on pictures it has never seen.",
                dataset.name(), train.imageCount(), test.imageCount(), dataset.classNames().size(),
                dataset.train().rows(), dataset.train().cols())));

        samples = new SampleGallery(dataset, new Random());
        reshuffle.addClickListener(e -> samples.reshuffle());
        Div gallery = new Div(reshuffle, samples);
        gallery.addClassName("gallery-with-action");
        add(section("Sample images", gallery,
                "Each picture is a matrix of 28×28 numbers from 0 (black) to 255 (white). Look closely: "
                        + "some shirts could pass for pullovers or coats, and sandals, sneakers and ankle "
                        + "boots share shapes. Those are the mistakes to expect from a model.", null));

        balanceChart.setConfig(ChartConfig.bar(dataset.classNames())
                .series("training", counts(train))
                .series("test", counts(test))
                .axes(null, "images"));
        add(section("Class balance", balanceChart, balanceText(train, test), null));

        brightnessChart.setConfig(ChartConfig.bar(dataset.classNames())
                .series("training", means(train))
                .series("test", means(test))
                .axes(null, "mean pixel value (0–255)"));
        add(section("How bright is each class?", brightnessChart, brightnessText(train),
                classTable(train, test)));

        add(section("The average item of each class", meanImages(train, test),
                "Each picture averages every image of one class, pixel by pixel. Trousers show two legs, "
                        + "bags a wide block, and the tops all blur into the same T-shape: averages that look "
                        + "alike belong to classes that are hard to tell apart.", null));

        add(section("Which classes look alike?", correlations(train, test), correlationText(train, test), null));

        add(section("Pixel values", new Paragraph(String.format(Locale.ROOT,
                "Pixels range from %d to %d in the training split and from %d to %d in the test split; the "
                        + "mean is %.1f and %.1f. Networks learn best from small numbers, so before training "
                        + "ConvLab divides every pixel by 255 to get values between 0 and 1.",
                train.pixelMin(), train.pixelMax(), test.pixelMin(), test.pixelMax(),
                train.meanPixel(), test.meanPixel())), null, null));
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

    private static List<Integer> counts(DatasetStatistics stats) {
        return stats.classes().stream().map(ClassSummary::count).toList();
    }

    private static List<Double> means(DatasetStatistics stats) {
        return stats.classes().stream().map(c -> Math.round(c.meanPixel() * 100) / 100.0).toList();
    }

    private static String balanceText(DatasetStatistics train, DatasetStatistics test) {
        int minTrain = train.classes().stream().mapToInt(ClassSummary::count).min().orElse(0);
        int maxTrain = train.classes().stream().mapToInt(ClassSummary::count).max().orElse(0);
        if (minTrain == maxTrain) {
            int perTest = test.classes().getFirst().count();
            return String.format(Locale.ROOT, "Every class has exactly %,d training images and %,d test images. "
                    + "With balanced classes, accuracy is a fair score, and a model that always guesses the "
                    + "same class gets only %d%% right: anything a trained model does above that, it learned.",
                    minTrain, perTest, Math.round(100.0 / train.classes().size()));
        }
        return String.format(Locale.ROOT, "Classes range from %,d to %,d training images. With unbalanced "
                + "classes a model can score well by favouring the big ones, so look at per-class recall, "
                + "not only accuracy.", minTrain, maxTrain);
    }

    private static String brightnessText(DatasetStatistics train) {
        ClassSummary darkest = train.classes().stream().min((a, b) -> Double.compare(a.meanPixel(), b.meanPixel())).orElseThrow();
        ClassSummary brightest = train.classes().stream().max((a, b) -> Double.compare(a.meanPixel(), b.meanPixel())).orElseThrow();
        return String.format(Locale.ROOT, "%s images are the darkest (mean %.1f): they cover little of the "
                + "frame. %s images are the brightest (%.1f). Brightness alone separates some classes, but "
                + "shirts (%.1f) and T-shirts (%.1f) are almost equally bright, so a model has to look at "
                + "shape, not just the amount of ink.",
                darkest.name(), darkest.meanPixel(), brightest.name(), brightest.meanPixel(),
                meanOf(train, "Shirt"), meanOf(train, "T-shirt/top"));
    }

    private static double meanOf(DatasetStatistics stats, String name) {
        return stats.classes().stream().filter(c -> c.name().equals(name)).mapToDouble(ClassSummary::meanPixel)
                .findFirst().orElse(Double.NaN);
    }

    /** The numbers behind both charts, for reading exact values (and for screen readers). */
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
        grid.setItems(train.classes());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Div meanImages(DatasetStatistics train, DatasetStatistics test) {
        Div rows = new Div();
        rows.addClassName("mean-images");
        for (DatasetStatistics stats : List.of(train, test)) {
            Span label = new Span(stats.split().label());
            label.addClassName("mean-images-split");
            rows.add(label);
            for (ClassSummary c : stats.classes()) {
                Div figure = new Div(new PixelImage(stats.meanImages()[c.label()], 28, 28,
                        "Average " + c.name() + " (" + stats.split().label() + ")"), new Span(c.name()));
                figure.addClassName("sample");
                rows.add(figure);
            }
        }
        return rows;
    }

    private static Div correlations(DatasetStatistics train, DatasetStatistics test) {
        Div pair = new Div();
        pair.addClassName("side-by-side");
        for (DatasetStatistics stats : List.of(train, test)) {
            List<String> names = stats.classes().stream().map(ClassSummary::name).toList();
            ColorScale scale = new ColorScale(0, 1);
            Div panel = new Div(new H3(stats.split().label().equals("train") ? "Training split" : "Test split"),
                    new Heatmap("Correlation between class-mean images, " + stats.split().label() + " split",
                            names, names, stats.correlation(), scale, "%.2f"));
            panel.addClassName("panel");
            pair.add(panel);
        }
        return pair;
    }

    private static String correlationText(DatasetStatistics train, DatasetStatistics test) {
        ClassPair most = train.mostSimilarPair();
        ClassPair least = train.leastSimilarPair();
        double largestGap = IntStream.range(0, train.correlation().length)
                .mapToDouble(a -> IntStream.range(0, train.correlation().length)
                        .mapToDouble(b -> Math.abs(train.correlation()[a][b] - test.correlation()[a][b])).max().orElse(0))
                .max().orElse(0);
        return String.format(Locale.ROOT, "Each cell is the correlation between two average images: 1 means "
                + "the same picture, 0 no relation. Most alike: %s and %s (r = %.2f), expect a model to mix "
                + "them up. Least alike: %s and %s (r = %.2f), nearly impossible to confuse. The two tables "
                + "differ by at most %.2f, so the test images look like the training images: what a model "
                + "learns should carry over.",
                most.first().name(), most.second().name(), most.correlation(),
                least.first().name(), least.second().name(), least.correlation(), largestGap);
    }
}
