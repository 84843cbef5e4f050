package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convlab.testsupport.Pngs.isColour;
import static org.convlab.testsupport.Pngs.png;
import static org.convlab.training.ui.ColourPicturesTest.all;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.dom.Element;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.base.ui.PixelImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The run page and the explain page of a run trained on colour images (3×32×32): every picture of
 * the data is an RGB picture of 32×32, the first layer's filters are colour pictures, Grad-CAM lies
 * over the colour image, and the first conv layer's arithmetic names red, green and blue.
 */
@Tag("database")
@SpringBootTest(properties = {"convlab.runs-dir=" + ColourRuns.RUNS_DIR, "convlab.demo-data-dir=" + ColourRuns.DATA_DIR})
class ColourRunPagesTest extends OwnedRunsTest {

    @BeforeAll
    static void runs() {
        ColourRuns.create();
    }

    private static void assertColour32(Image image) {
        BufferedImage png = png(image);
        assertThat(isColour(png)).as(image.getAlt().orElse("?")).isTrue();
        assertThat(png.getWidth()).isEqualTo(32);
        assertThat(png.getHeight()).isEqualTo(32);
    }

    @Test
    void theRunPageShowsMistakesConfusionCellsFiltersAndGradCamInColour() {
        RunView view = navigate("runs/" + ColourRuns.RUN, RunView.class);
        RunViewTest.await(view.measuredShown);

        List<PixelImage> mistakes = all(view.mistakes, PixelImage.class).toList();
        assertThat(mistakes).isNotEmpty().allSatisfy(ColourRunPagesTest::assertColour32);
        assertThat(mistakes.getFirst().getAlt()).hasValueSatisfying(alt -> assertThat(alt).matches(
                "(red taken for green|green taken for red), test image #\\d+"));

        view.confusion.showCell(0, 0);
        List<PixelImage> cell = all(view.confusion.cellImages, PixelImage.class).toList();
        assertThat(cell).isNotEmpty().allSatisfy(ColourRunPagesTest::assertColour32);
        assertThat(view.confusion.cellImages.getElement().getTextRecursively()).doesNotContain("10,000");

        // The first conv layer's 8 filters, each one RGB picture of its 3×3 red, green and blue kernels.
        List<PixelImage> filters = all(view, PixelImage.class).filter(i -> i.hasClassName("colour-filter")).toList();
        assertThat(filters).hasSize(8).allSatisfy(f -> {
            assertThat(isColour(png(f))).isTrue();
            assertThat(f.getTitle()).hasValueSatisfying(t -> assertThat(t).contains("Red: ", "Green: ", "Blue: "));
        });

        RunViewTest.await(view.inspector.inspect(3));
        assertColour32(all(view.inspector.chosen, PixelImage.class).findFirst().orElseThrow());
        List<Image> cam = all(view.inspector.gradCam.result, Image.class).toList();
        assertThat(cam).hasSize(2).allSatisfy(ColourRunPagesTest::assertColour32);
        assertThat(cam.get(1).getAlt()).hasValueSatisfying(alt -> assertThat(alt).startsWith("Grad-CAM for "));
        // Feature maps stay one grayscale picture per map.
        List<PixelImage> maps = all(view.inspector.featureMaps, PixelImage.class).toList();
        assertThat(maps).isNotEmpty().allSatisfy(m -> assertThat(isColour(png(m))).isFalse());

        test(view.mistakes.images.getChildren().findFirst().map(c -> (com.vaadin.flow.component.html.Div) c)
                .orElseThrow()).click();
        ProbabilityDialog dialog = $(ProbabilityDialog.class).single();
        assertColour32(all(dialog, PixelImage.class).findFirst().orElseThrow());
    }

    @Test
    void theExplainPageShowsTheColourInputAndWritesOutRedGreenAndBlue() {
        UI.getCurrent().navigate("runs/" + ColourRuns.RUN + "/explain");
        ExplainView view = (ExplainView) UI.getCurrent().getCurrentView();
        RunViewTest.await(view.ready);
        RunViewTest.await(view.explanation.overviewShown);
        RunViewTest.await(view.explanation.traceShown);

        assertColour32(all(view.chosen, PixelImage.class).findFirst().orElseThrow());
        List<String> inputs = elements(view.explanation.diagram.getElement())
                .filter(e -> e.getClassList().contains("network-map"))
                .map(e -> e.getAttribute("alt")).filter(alt -> alt.startsWith("The input image")).toList();
        assertThat(inputs).containsExactly("The input image's red channel", "The input image's green channel",
                "The input image's blue channel");
        String trace = view.explanation.traceArea.getElement().getTextRecursively();
        assertThat(trace).contains("Layer 1 (conv2d)", "the red, green and blue of the input image",
                "The red channel: sum of products", "The blue channel: sum of products", "Sum over red, green and blue:",
                "the same.");

        RunViewTest.await(view.patterns.search(1, "conv2d", 0));
        var result = view.patterns.result;
        assertThat(all(result, PixelImage.class).filter(i -> i.hasClassName("colour-filter"))).hasSize(1);
        assertThat(all(result, PixelImage.class).map(i -> i.getAlt().orElse("")))
                .contains("Weights of filter 1 for red", "Weights of filter 1 for green", "Weights of filter 1 for blue");
        List<PixelImage> tests = all(result, PixelImage.class)
                .filter(i -> i.getAlt().orElse("").startsWith("Test image #")).toList();
        assertThat(tests).hasSize(FilterPatterns.SHOWN).allSatisfy(ColourRunPagesTest::assertColour32);
        List<PixelImage> patches = all(result, PixelImage.class)
                .filter(i -> i.getAlt().orElse("").startsWith("The patch")).toList();
        assertThat(patches).hasSize(FilterPatterns.SHOWN).allSatisfy(p -> assertThat(isColour(png(p))).isTrue());
    }

    private static Stream<Element> elements(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ColourRunPagesTest::elements));
    }
}
