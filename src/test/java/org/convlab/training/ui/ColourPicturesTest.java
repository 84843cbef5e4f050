package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convlab.testsupport.Pngs.isColour;
import static org.convlab.testsupport.Pngs.png;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.dom.Element;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetMetadata;
import org.convlab.dataset.LabeledImages;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.ModelIntrospector.FilterImages;
import org.convlab.training.engine.NeuronTrace;
import org.convlab.training.engine.NetworkExplainer.LayerOutput;
import org.convlab.training.engine.NetworkExplainer.Overview;
import org.junit.jupiter.api.Test;

/**
 * The run pages' pictures for colour data (3 planes of 32×32): test images, Grad-CAM, first-layer
 * filters, the augmentation preview, the network diagram's input and the trace of a first conv cell.
 */
class ColourPicturesTest {

    static final LayerShape COLOUR = LayerShape.image(3, 32, 32);

    /** A 32×32 colour image: pixel (r, c) has red r/31, green c/31 and blue 0.5. */
    static float[] gradient() {
        float[] image = new float[3 * 32 * 32];
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                image[r * 32 + c] = r / 31f;
                image[1024 + r * 32 + c] = c / 31f;
                image[2048 + r * 32 + c] = 0.5f;
            }
        }
        return image;
    }

    static int rgb(int red, int green, int blue) {
        return red << 16 | green << 8 | blue;
    }

    @Test
    void aColourTestImageIsAnRgbPictureOfItsOwnSizeWithItsColours() {
        var figure = Pictures.figure(gradient(), COLOUR, "red and green, test image #3", "red and green");
        PixelImage image = (PixelImage) figure.getChildren().findFirst().orElseThrow();
        assertThat(image.getAlt()).hasValue("red and green, test image #3");
        BufferedImage png = png(image);
        assertThat(isColour(png)).isTrue();
        assertThat(png.getWidth()).isEqualTo(32);
        assertThat(png.getHeight()).isEqualTo(32);
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isEqualTo(rgb(0, 0, 128));
        assertThat(png.getRGB(31, 0) & 0xFFFFFF).isEqualTo(rgb(0, 255, 128));
        assertThat(png.getRGB(0, 31) & 0xFFFFFF).isEqualTo(rgb(255, 0, 128));
    }

    @Test
    void aGrayscaleThirtyTwoPixelImageStaysGrayAtItsSize() {
        BufferedImage png = png(Pictures.of(new float[32 * 32], LayerShape.image(1, 32, 32), "gray"));
        assertThat(isColour(png)).isFalse();
        assertThat(png.getWidth()).isEqualTo(32);
    }

    @Test
    void aCropKeepsEveryChannel() {
        float[] patch = Pictures.crop(gradient(), COLOUR, 4, 6, 3, 2);
        assertThat(patch).hasSize(3 * 3 * 2);
        assertThat(patch[0]).isEqualTo(4 / 31f); // red of (4, 6)
        assertThat(patch[6 + 1]).isEqualTo(7 / 31f); // green of (4, 7)
        assertThat(patch[12 + 5]).isEqualTo(0.5f); // blue of (6, 7)
    }

    @Test
    void gradCamOverAColourImageShowsTheImagesColoursWhereThereIsNoHeat() {
        float[] heat = new float[32 * 32];
        heat[5 * 32 + 5] = 1; // one hot pixel
        BufferedImage blended = GradCamOverlay.blend(gradient(), heat, COLOUR);
        assertThat(blended.getRGB(31, 0) & 0xFFFFFF).isEqualTo(rgb(0, 255, 128));
        assertThat(blended.getRGB(0, 31) & 0xFFFFFF).isEqualTo(rgb(255, 0, 128));
        // Where it is hottest, 70% viridis yellow over the image's own colour.
        int hot = blended.getRGB(5, 5) & 0xFFFFFF;
        double under = 5 / 31.0 * 255;
        assertThat(hot >> 16).isEqualTo((int) Math.round(0.3 * under + 0.7 * 253));
        assertThat(hot & 0xFF).isEqualTo((int) Math.round(0.3 * 127.5 + 0.7 * 37));
        Image image = GradCamOverlay.image(gradient(), heat, COLOUR, "Grad-CAM for red over test image #1");
        assertThat(image.getAlt()).hasValue("Grad-CAM for red over test image #1");
        assertThat(isColour(png(image))).isTrue();
    }

    /** Layer 1 over a colour image: 2 filters of 3×3×3; filter 0 is all red, filter 1 all blue. */
    static FilterImages firstLayer() {
        float[][] weights = new float[2][27];
        for (int i = 0; i < 9; i++) {
            weights[0][i] = 1;
            weights[1][18 + i] = 1;
        }
        weights[0][9] = 0.5f; // one green weight halfway
        return new FilterImages(1, 2, 3, 3, weights, -0.25f, 0.75f);
    }

    @Test
    void firstLayerFiltersOverAColourImageAreRgbPicturesWithTheirNumbersPerChannel() {
        FilterImages second = new FilterImages(3, 4, 3, 3, new float[4][27], -1, 1);
        FiltersPanel panel = new FiltersPanel(List.of(firstLayer(), second), 3);
        List<PixelImage> colour = all(panel, PixelImage.class).filter(i -> i.hasClassName("colour-filter")).toList();
        assertThat(colour).hasSize(2);
        BufferedImage red = png(colour.getFirst());
        assertThat(isColour(red)).isTrue();
        assertThat(red.getRGB(1, 1) & 0xFFFFFF).isEqualTo(rgb(255, 0, 0));
        assertThat(red.getRGB(0, 0) & 0xFFFFFF).isEqualTo(rgb(255, 128, 0));
        assertThat(png(colour.get(1)).getRGB(2, 2) & 0xFFFFFF).isEqualTo(rgb(0, 0, 255));
        assertThat(colour.getFirst().getAlt()).hasValue("Layer 1, filter 1 in colour: its red, green and blue weights");
        // The numbers are the weights themselves: min + scaled × (max − min).
        assertThat(colour.getFirst().getTitle()).hasValueSatisfying(t -> assertThat(t)
                .contains("Red: 0.75 0.75 0.75; 0.75 0.75 0.75; 0.75 0.75 0.75", "Green: 0.25 −0.25")
                .contains("Blue: −0.25"));
        // Each slice also on its own, named by its colour.
        Details slices = all(panel, Details.class).findFirst().orElseThrow();
        assertThat(all(slices, PixelImage.class).map(i -> i.getAlt().orElse("")))
                .contains("Layer 1, filter 1, red weights", "Layer 1, filter 2, blue weights").hasSize(6);
        // The deeper layer reads 3 maps, not colours: still averaged grayscale pictures.
        List<PixelImage> deeper = all(panel, PixelImage.class)
                .filter(i -> i.getAlt().orElse("").startsWith("Layer 3")).toList();
        assertThat(deeper).hasSize(4).allSatisfy(i -> assertThat(isColour(png(i))).isFalse());
        assertThat(panel.getElement().getTextRecursively()).contains("averaged over its 3 input channels");
    }

    @Test
    void overAGrayscaleImageAThreeChannelFirstLayerIsNotTakenForColour() {
        FiltersPanel panel = new FiltersPanel(List.of(firstLayer()), 1);
        assertThat(all(panel, PixelImage.class).filter(i -> i.hasClassName("colour-filter"))).isEmpty();
        assertThat(all(panel, PixelImage.class)).allSatisfy(i -> assertThat(isColour(png(i))).isFalse());
    }

    @Test
    void theAugmentationPreviewShowsColourImagesAndNoMoreThanTheSetHas() {
        int plane = 32 * 32;
        byte[] pixels = new byte[2 * 3 * plane];
        for (int p = 0; p < plane; p++) {
            pixels[p] = (byte) 220; // image 0 red
            pixels[3 * plane + plane + p] = (byte) 200; // image 1 green
        }
        LabeledImages two = new LabeledImages(32, 32, 3, pixels, new byte[] {0, 1});
        Dataset data = new Dataset(new DatasetMetadata("Two colours", List.of("red", "green"), null, null), two, two);
        AugmentationPreview preview = new AugmentationPreview(data);
        preview.show(new Augmentation(0, 0, false));
        List<PixelImage> images = all(preview, PixelImage.class).toList();
        assertThat(images).hasSize(4);
        assertThat(images).extracting(i -> i.getAlt().orElse("")).containsExactly("red, original",
                "red, as training may see it", "green, original", "green, as training may see it");
        assertThat(png(images.getFirst()).getRGB(10, 10) & 0xFFFFFF).isEqualTo(rgb(220, 0, 0));
        assertThat(png(images.get(3)).getRGB(10, 10) & 0xFFFFFF).isEqualTo(rgb(0, 200, 0));
        preview.show(new Augmentation(30, 3, true));
        assertThat(all(preview, PixelImage.class)).hasSize(4);
    }

    @Test
    void aFirstConvCellOverColourIsWrittenOutForRedGreenAndBlue() {
        double[][][] window = new double[3][3][3];
        double[][][] weights = new double[3][3][3];
        double[][][] products = new double[3][3][3];
        var cell = new NeuronTrace.ConvCell(1, "conv2d", 0, 4, 4, 3, 1, 1, 3, 3, 32, 32, window, weights, products,
                new double[] {0.5, -0.25, 1}, 0.125, 1.375, "relu", 1.375, 1.375);
        String text = new NeuronTracePanel(cell).getElement().getTextRecursively();
        assertThat(text).contains("the red, green and blue of the input image", "one kernel slice for each colour",
                "The red channel: sum of products 0.5", "The green channel: sum of products", "The blue channel",
                "Sum over red, green and blue: 0.5 + ", " + bias 0.125 = 1.375");
        assertThat(text).doesNotContain("The image 1", "Map 1");
    }

    @Test
    void aConvCellOfALaterLayerWithThreeMapsIsNotAboutColours() {
        double[][][] zeros = new double[3][3][3];
        var cell = new NeuronTrace.ConvCell(3, "conv2d_1", 0, 4, 4, 3, 1, 1, 3, 3, 16, 16, zeros, zeros, zeros,
                new double[] {0.5, -0.25, 1}, 0.125, 1.375, "relu", 1.375, 1.375);
        String text = new NeuronTracePanel(cell).getElement().getTextRecursively();
        assertThat(text).contains("Map 1: sum of products", "Sum over the 3 channels").doesNotContain("red");
    }

    @Test
    void theNetworkDiagramDrawsAColourInputAsItsRedGreenAndBluePlanes() {
        LayerOutput input = new LayerOutput(0, "input", "input", null, 3, 32, 32, false, 0, false, gradient());
        LayerOutput out = new LayerOutput(1, "dense", "dense", "softmax", 2, 0, 0, true, 10, true, new float[] {0.3f, 0.7f});
        NetworkDiagram diagram = new NetworkDiagram(new Overview(List.of(input, out), new float[] {0.3f, 0.7f}, 1,
                List.of("red", "green")), (layer, channel) -> {});
        List<Element> maps = diagram.getElement().getChildren().flatMap(e -> Stream.concat(Stream.of(e), e.getChildren()))
                .filter(e -> e.getClassList().contains("network-map")).toList();
        assertThat(maps).extracting(e -> e.getAttribute("alt")).containsExactly("The input image's red channel",
                "The input image's green channel", "The input image's blue channel");
        Image green = new Image(maps.get(1).getAttribute("src"), "green");
        // Column 31 is the brightest green; the green plane is drawn from black to green.
        assertThat(png(green).getRGB(31, 0) & 0xFFFFFF).isEqualTo(rgb(0, 255, 0));
    }

    /** Every descendant of {@code root} of this type. */
    static <T extends Component> Stream<T> all(Component root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found.stream();
    }

    private static <T extends Component> void collect(Component c, Class<T> type, List<T> found) {
        if (type.isInstance(c)) {
            found.add(type.cast(c));
        }
        c.getChildren().forEach(child -> collect(child, type, found));
    }
}
