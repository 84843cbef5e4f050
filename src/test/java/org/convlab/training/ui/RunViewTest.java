package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.convlab.base.ui.PixelImage;
import org.convlab.i18n.LocalFormat;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

@Tag("database")
@SpringBootTest(properties = "convlab.runs-dir=" + TinyRuns.RUNS_DIR)
class RunViewTest extends OwnedRunsTest {


    private static RunRecord record;

    @BeforeAll
    static void runs() {
        TinyRuns.create();
        record = RunStore.readRecord(Path.of(TinyRuns.RUNS_DIR, TinyRuns.GOOD));
    }

    private RunView openMeasured() {
        RunView view = navigate("runs/" + TinyRuns.GOOD, RunView.class);
        await(view.measuredShown);
        return view;
    }

    /**
     * Waits for a page update from the training worker. The worker queues it with UI.access; the test
     * holds the session lock, so it runs the queue itself (a bare round trip does not always do so).
     * Generous, for a machine busy with other builds.
     */
    static void await(CompletableFuture<?> update) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!update.isDone() && System.nanoTime() < deadline) {
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(update).as("page update from the training worker").isDone();
        update.join();
    }

    @Test
    void aConfusionCellListsExactlyItsTestImages() {
        RunView view = openMeasured();
        assertThat(view.getElement().getTextRecursively()).contains(RunText.percent(record.metrics().testAccuracy()));
        int[][] counts = record.metrics().confusionMatrix();
        // The largest mistake: Shirt-like confusions give more than a page of images.
        int row = 0;
        int column = 1;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts.length; c++) {
                if (r != c && counts[r][c] > counts[row][column]) {
                    row = r;
                    column = c;
                }
            }
        }
        test(view.confusion.heatmap.cell(row, column)).click();

        ImageSet test = FashionMnistArrays.test();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (test.labels()[i] == row && TinyRuns.predicted()[i] == column) {
                expected.add(i);
            }
        }
        assertThat(expected).hasSize(counts[row][column]);
        List<Integer> shown = find(PixelImage.class, view.confusion.cellImages).all().stream()
                .map(image -> Integer.parseInt(image.getAlt().orElseThrow().replaceAll(".*#", ""))).toList();
        assertThat(shown).isEqualTo(expected.subList(0, Math.min(expected.size(), ConfusionMatrixPanel.IMAGES_PER_CELL)));
        assertThat(view.confusion.cellImages.getElement().getTextRecursively())
                .contains(RunText.count(counts[row][column]) + " test image");
    }

    @Test
    void mistakesPageThroughTwentyFourAtATimeAndOpenTheirProbabilities() {
        RunView view = openMeasured();
        MisclassifiedGallery gallery = view.mistakes;
        int total = (int) (10_000 - Math.round(record.metrics().testAccuracy() * 10_000));
        assertThat(gallery.pages()).isEqualTo((total + 23) / 24);
        assertThat(find(PixelImage.class, gallery.images).all()).hasSize(24);
        assertThat(gallery.position.getText()).isEqualTo(String.format("1–24 of %,d", total));
        assertThat(gallery.previous.isEnabled()).isFalse();
        List<String> firstPage = sources(gallery);

        test(gallery.next).click();
        assertThat(gallery.position.getText()).isEqualTo(String.format("25–48 of %,d", total));
        assertThat(sources(gallery)).hasSize(24).doesNotContainAnyElementsOf(firstPage);

        gallery.showPage(gallery.pages() - 1);
        assertThat(find(PixelImage.class, gallery.images).all()).hasSize(total - 24 * (gallery.pages() - 1));
        assertThat(gallery.next.isEnabled()).isFalse();

        test(gallery.images.getChildren().findFirst().map(Div.class::cast)
                .orElseThrow()).click();
        ProbabilityDialog dialog = $(ProbabilityDialog.class).single();
        List<Number> bars = dialog.probabilities.config().seriesValues(0);
        assertThat(bars).hasSize(10);
        assertThat(bars.stream().mapToDouble(Number::doubleValue).sum()).isBetween(99.0, 101.0);
    }

    @Test
    void filtersFeatureMapsAndGradCamAreShown() {
        RunView view = openMeasured();
        assertThat(find(FiltersPanel.class, view).single().getElement().getTextRecursively())
                .contains("Layer 1: 8 filters of 3×3", "Layer 3: 16 filters of 3×3");
        assertThat(find(PixelImage.class, find(FiltersPanel.class, view).single()).all()).hasSize(8 + 16);

        await(view.inspector.inspect(7));
        assertThat(view.inspector.explain.getHref()).isEqualTo("runs/" + TinyRuns.GOOD + "/explain?image=7");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class, view).all())
                .anyMatch(a -> a.getHref().equals("runs/" + TinyRuns.GOOD + "/explain"));
        assertThat(find(PixelImage.class, view.inspector.featureMaps).all()).hasSize(8 + 16);
        Image overlay = find(Image.class, view.inspector.gradCam.result).all().stream()
                .filter(i -> i.getAlt().orElse("").startsWith("Grad-CAM")).findFirst().orElseThrow();
        assertThat(overlay.getSrc()).startsWith("data:image/png;base64,");
        assertThat(view.inspector.gradCam.targetClass.getValue())
                .isEqualTo(record.classNames().get(TinyRuns.predicted()[7]));
    }

    @Test
    void anUnknownRunSaysSoInsteadOfFailing() {
        RunView view = navigate("runs/no-such-run", RunView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Run not found", "No such run, or it is not yours.");
        view = navigate("runs/.hidden", RunView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Run not found");
    }

    @Test
    void aRunWithoutWeightsShowsItsScoresAndSaysWhatIsMissing() {
        RunView view = navigate("runs/" + TinyRuns.BROKEN, RunView.class);
        await(view.measuredShown);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains(RunText.percent(record.metrics().testAccuracy()),
                "The model of this run cannot be loaded");
        assertThat(view.mistakes).isNull();
    }

    @Test
    void theRunPageReadsInGermanWithGermanNumbers() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        RunView view = openMeasured();
        String text = view.getElement().getTextRecursively();
        assertThat(view.getPageTitle()).isEqualTo("Lauf · ConvLab");
        assertThat(text).contains("Lernkurven", "Konfusionsmatrix", "Präzision, Trefferquote und F1",
                "Genauigkeit (Test)", "Gelernte Filter", "Schicht 1: 8 Filter zu 3×3");
        // 91,20 % rather than 91.20%: a decimal comma and a space before the sign.
        String accuracy = LocalFormat.percent(Locale.GERMAN, record.metrics().testAccuracy(), 2);
        assertThat(accuracy).matches("\\d+,\\d\\d\\h%");
        assertThat(text).contains(accuracy).doesNotContain(LocalFormat.percent(Locale.ENGLISH, record.metrics().testAccuracy(), 2));
        assertThat(find(ClassificationReportTable.class, view).single().getColumns().get(1).getHeaderText())
                .isEqualTo("Präzision");
        int total = (int) (10_000 - Math.round(record.metrics().testAccuracy() * 10_000));
        assertThat(view.mistakes.position.getText()).isEqualTo("1–24 von " + LocalFormat.integer(Locale.GERMAN, total));
        assertThat(text).contains(LocalFormat.integer(Locale.GERMAN, total) + " der 10.000 Testbilder sind falsch klassifiziert.");
    }

    @Test
    void anUnknownRunSaysSoInSpanish() {
        UI.getCurrent().setLocale(Locale.of("es"));
        RunView view = navigate("runs/no-such-run", RunView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Ejecución no encontrada",
                "Esta ejecución no existe o no es tuya.");
    }

    private static List<String> sources(MisclassifiedGallery gallery) {
        return gallery.images.getChildren().map(c -> c.getElement().getAttribute("data-index")).toList();
    }
}
