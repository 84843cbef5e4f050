package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.FilterExcitation.Box;
import org.convlab.training.engine.FilterExcitation.Excitation;
import org.convlab.training.engine.FilterExcitation.StrongestImages;
import org.junit.jupiter.api.Test;

class FilterExcitationTest {

    private static final int TOP = 5;

    private final TrainedModel model = TrainingFixtures.trainedTiny();
    private final FilterExcitation excitation = new FilterExcitation(model);
    private final ModelIntrospector look = new ModelIntrospector(model);

    /**
     * Over the first 300 test images (two batches: 256 + 44), for both conv layers: every reported
     * activation is the feature map's value at the reported cell and that map's maximum; each list
     * is sorted, strongest first; and brute force over all 300 images finds no image whose maximum
     * beats the weakest one listed.
     */
    @Test
    void theStrongestImagesAreTheImagesWithTheHighestMaximumOfTheMap() {
        ImageSet images = TrainingFixtures.test().first(300);
        for (int layer : look.convLayers()) {
            StrongestImages result = excitation.strongestImages(layer, images, TOP);
            assertThat(result.measuredAt()).isEqualTo(layer); // the tiny CNN's convs have their relu built in
            int filters = result.filters();
            assertThat(result.imagesSearched()).isEqualTo(300);
            assertThat(result.weights().filters()).isEqualTo(filters);
            // Brute force: each image's maximum per filter, one image at a time.
            float[][] maxima = new float[filters][images.size()];
            for (int i = 0; i < images.size(); i++) {
                float[][] maps = look.featureMaps(layer, images.image(i)).values();
                for (int f = 0; f < filters; f++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (float v : maps[f]) {
                        max = Math.max(max, v);
                    }
                    maxima[f][i] = max;
                }
            }
            for (int f = 0; f < filters; f++) {
                List<Excitation> list = result.byFilter().get(f);
                assertThat(list).hasSize(TOP);
                List<Integer> listed = new ArrayList<>();
                for (int k = 0; k < list.size(); k++) {
                    Excitation e = list.get(k);
                    listed.add(e.image());
                    if (k > 0) {
                        assertThat(e.activation()).isLessThanOrEqualTo(list.get(k - 1).activation());
                    }
                    float[] map = look.featureMaps(layer, images.image(e.image())).values()[f];
                    assertThat(e.activation()).isCloseTo(map[e.row() * result.mapWidth() + e.col()], within(1e-5f));
                    assertThat(e.activation()).isCloseTo(maxima[f][e.image()], within(1e-5f));
                    assertThat(e.label()).isEqualTo(images.labels()[e.image()]);
                    assertPatchIsTheFieldInsideTheImage(e, images);
                }
                assertThat(listed).doesNotHaveDuplicates();
                float weakest = list.getLast().activation();
                for (int i = 0; i < images.size(); i++) {
                    if (!listed.contains(i)) {
                        assertThat(maxima[f][i]).as("layer %d filter %d image %d", layer, f, i)
                                .isLessThanOrEqualTo(weakest + 1e-5f);
                    }
                }
            }
        }
    }

    /**
     * By hand for the tiny CNN (conv 3×3 same → pool 2 → conv 3×3 same → pool 2), rows (columns
     * alike), walking back from the layer to the input:
     * <ul>
     * <li>layer 1, conv 3, padding 1: cell r sees input rows r-1 .. r+1 (3 rows);
     * <li>layer 2, pool 2 stride 2: r → conv-1 rows 2r .. 2r+1 → input 2r-1 .. 2r+2 (4);
     * <li>layer 3, conv 3, padding 1: r → pool rows r-1 .. r+1 → conv-1 rows 2r-2 .. 2r+3 → input
     * 2r-3 .. 2r+4 (8);
     * <li>layer 4, pool 2: r → conv-3 rows 2r .. 2r+1 → input 4r-3 .. 4r+6 (10).
     * </ul>
     */
    @Test
    void receptiveFieldsOfTheTinyCnnByHand() {
        assertThat(excitation.receptiveField(1, 0, 0)).isEqualTo(new Box(-1, -1, 3, 3));
        assertThat(excitation.receptiveField(1, 5, 9)).isEqualTo(new Box(4, 8, 3, 3));
        assertThat(excitation.receptiveField(1, 27, 27)).isEqualTo(new Box(26, 26, 3, 3));
        assertThat(excitation.receptiveField(2, 0, 3)).isEqualTo(new Box(-1, 5, 4, 4));
        assertThat(excitation.receptiveField(3, 0, 0)).isEqualTo(new Box(-3, -3, 8, 8));
        assertThat(excitation.receptiveField(3, 5, 7)).isEqualTo(new Box(7, 11, 8, 8));
        assertThat(excitation.receptiveField(3, 13, 13)).isEqualTo(new Box(23, 23, 8, 8));
        assertThat(excitation.receptiveField(4, 6, 6)).isEqualTo(new Box(21, 21, 10, 10));
    }

    /**
     * best-cnn (conv, batch norm, relu, conv, batch norm, relu, pool, dropout, conv, ...): batch
     * norm, activation and dropout keep positions. Layer 4 (second conv): r → conv-1 rows r-1 ..
     * r+1 → input r-2 .. r+2 (5). Layer 9 (third conv, after pool 2): r → pool rows r-1 .. r+1 →
     * conv-4 rows 2r-2 .. 2r+3 → conv-1 rows 2r-3 .. 2r+4 → input 2r-4 .. 2r+5 (10). Only the spec
     * is read, so no network is needed.
     */
    @Test
    void receptiveFieldsOfBestCnnSkipBatchNormActivationAndDropout() {
        ValidatedModel best = ModelValidator.validate(Presets.get("best-cnn"));
        FilterExcitation byHand = new FilterExcitation(new TrainedModel(null, best, List.of(), Device.cpu()));
        assertThat(byHand.receptiveField(1, 10, 10)).isEqualTo(new Box(9, 9, 3, 3));
        assertThat(byHand.receptiveField(3, 10, 10)).isEqualTo(new Box(9, 9, 3, 3));
        assertThat(byHand.receptiveField(4, 0, 27)).isEqualTo(new Box(-2, 25, 5, 5));
        assertThat(byHand.receptiveField(6, 10, 10)).isEqualTo(new Box(8, 8, 5, 5));
        assertThat(byHand.receptiveField(9, 0, 13)).isEqualTo(new Box(-4, 22, 10, 10));
        assertThat(byHand.receptiveField(11, 6, 6)).isEqualTo(new Box(8, 8, 10, 10));
        // Linear convs: ranked after their batch norm and relu.
        assertThat(byHand.measuredAt(1)).isEqualTo(3);
        assertThat(byHand.measuredAt(4)).isEqualTo(6);
        assertThat(byHand.measuredAt(9)).isEqualTo(11);
        assertThatThrownBy(() -> byHand.measuredAt(3))
                .hasMessage("layer 3 (activation) is not a conv2d layer; conv layers: [1, 4, 9]");
    }

    /**
     * A linear conv followed by batch norm and relu (as in best-cnn): the filter is ranked on what
     * the relu gives out, not on the raw convolution, which batch norm may have turned upside down.
     */
    @Test
    void aLinearConvIsRankedAfterItsBatchNormAndActivation() {
        ValidatedModel spec = ModelValidator.validate(new ModelSpec("conv-bn-relu", List.of(
                new Layer.Conv2d(4, 3, Padding.SAME, ActivationKind.LINEAR),
                new Layer.BatchNorm(),
                new Layer.ActivationLayer(ActivationKind.RELU),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.Dense(10, ActivationKind.SOFTMAX))));
        TrainedModel bn = new ModelTrainer().train(spec, TrainingFixtures.quick().withValidationSplit(0),
                TrainingFixtures.train().first(300), ProgressListener.NONE, new TrainingControl()).model();
        try (bn) {
            ModelIntrospector inside = new ModelIntrospector(bn);
            ImageSet images = TrainingFixtures.test().first(60);
            StrongestImages result = new FilterExcitation(bn).strongestImages(1, images, 3);
            assertThat(result.measuredAt()).isEqualTo(3);
            assertThat(result.filters()).isEqualTo(4);
            for (int f = 0; f < 4; f++) {
                for (Excitation e : result.byFilter().get(f)) {
                    float[] map = inside.featureMaps(3, images.image(e.image())).values()[f];
                    float max = Float.NEGATIVE_INFINITY;
                    for (float v : map) {
                        max = Math.max(max, v);
                    }
                    assertThat(e.activation()).isCloseTo(map[e.row() * 28 + e.col()], within(1e-5f))
                            .isCloseTo(max, within(1e-5f));
                    assertThat(e.field()).isEqualTo(new Box(e.row() - 1, e.col() - 1, 3, 3));
                }
            }
        }
    }

    /**
     * A black image: every cell of a layer-1 map is relu(bias) exactly, so the best cell is the
     * first one (PyTorch's argmax picks the first of equal values), the top-left corner, whose
     * 3×3 field has its top row and left column in the padding.
     */
    @Test
    void aPatchAtTheCornerIsClippedAndSaysWhatLayInThePadding() {
        ImageSet black = new ImageSet(new float[28 * 28], new int[] {0}, 28, 28, TrainingFixtures.test().classNames());
        StrongestImages result = excitation.strongestImages(1, black, 3);
        for (List<Excitation> list : result.byFilter()) {
            assertThat(list).hasSize(1); // fewer images than asked for: all of them
            Excitation e = list.getFirst();
            assertThat(e.row()).isZero();
            assertThat(e.col()).isZero();
            assertThat(e.field()).isEqualTo(new Box(-1, -1, 3, 3));
            assertThat(e.patch()).isEqualTo(new Box(0, 0, 2, 2));
            assertThat(e.pixels()).hasSize(4);
            assertThat(e.reachesPadding()).isTrue();
            assertThat(new int[] {e.paddingAbove(), e.paddingLeft(), e.paddingBelow(), e.paddingRight()})
                    .containsExactly(1, 1, 0, 0);
        }
    }

    @Test
    void progressIsReportedAfterEachBatch() {
        List<Integer> done = new ArrayList<>();
        excitation.strongestImages(3, TrainingFixtures.test().first(300), 1, done::add);
        assertThat(done).containsExactly(256, 300);
    }

    @Test
    void refusesWhatIsNotAConvLayerOrASaneCount() {
        ImageSet images = TrainingFixtures.test().first(10);
        assertThatThrownBy(() -> excitation.strongestImages(2, images, TOP))
                .hasMessage("layer 2 (maxpool) is not a conv2d layer; conv layers: [1, 3]");
        assertThatThrownBy(() -> excitation.strongestImages(5, images, TOP))
                .hasMessage("layer 5 (flatten) is not a conv2d layer; conv layers: [1, 3]");
        assertThatThrownBy(() -> excitation.strongestImages(7, images, TOP))
                .hasMessage("layer 7 (dense) is not a conv2d layer; conv layers: [1, 3]");
        assertThatThrownBy(() -> excitation.strongestImages(0, images, TOP))
                .hasMessage("layer 0 does not exist (the model has layers 1..7)");
        assertThatThrownBy(() -> excitation.strongestImages(8, images, TOP))
                .hasMessage("layer 8 does not exist (the model has layers 1..7)");
        assertThatThrownBy(() -> excitation.strongestImages(-3, images, TOP))
                .hasMessage("layer -3 does not exist (the model has layers 1..7)");
        assertThatThrownBy(() -> excitation.strongestImages(1, images, 0))
                .hasMessage("choose between 1 and 16 images per filter (asked for 0)");
        assertThatThrownBy(() -> excitation.strongestImages(1, images, 17))
                .hasMessage("choose between 1 and 16 images per filter (asked for 17)");
        assertThatThrownBy(() -> excitation.strongestImages(1, images, -1))
                .hasMessage("choose between 1 and 16 images per filter (asked for -1)");
        ImageSet small = new ImageSet(new float[2 * 14 * 14], new int[2], 14, 14, images.classNames());
        assertThatThrownBy(() -> excitation.strongestImages(1, small, TOP))
                .hasMessage("the images are 14×14; the model takes 28×28");
        assertThatThrownBy(() -> excitation.receptiveField(3, 14, 0))
                .hasMessage("layer 3 (conv2d_1) has maps of 14×14: choose a row 0..13 and a column 0..13");
        assertThatThrownBy(() -> excitation.receptiveField(1, 0, -1))
                .hasMessageStartingWith("layer 1 (conv2d) has maps of 28×28");
        assertThatThrownBy(() -> excitation.receptiveField(6, 0, 0))
                .hasMessage("layer 6 (dense) gives a flat vector, not feature maps; pick a layer before flatten");
        assertThatThrownBy(() -> excitation.receptiveField(9, 0, 0))
                .hasMessage("layer 9 does not exist (the model has layers 1..7)");
    }

    private static void assertPatchIsTheFieldInsideTheImage(Excitation e, ImageSet images) {
        Box f = e.field();
        Box p = e.patch();
        assertThat(p.top()).isEqualTo(Math.max(0, f.top()));
        assertThat(p.left()).isEqualTo(Math.max(0, f.left()));
        assertThat(p.bottom()).isEqualTo(Math.min(images.height(), f.bottom()));
        assertThat(p.right()).isEqualTo(Math.min(images.width(), f.right()));
        assertThat(e.paddingAbove() + p.height() + e.paddingBelow()).isEqualTo(f.height());
        assertThat(e.paddingLeft() + p.width() + e.paddingRight()).isEqualTo(f.width());
        float[] image = images.image(e.image());
        for (int r = 0; r < p.height(); r++) {
            float[] row = Arrays.copyOfRange(image, (p.top() + r) * images.width() + p.left(),
                    (p.top() + r) * images.width() + p.right());
            assertThat(Arrays.copyOfRange(e.pixels(), r * p.width(), (r + 1) * p.width())).containsExactly(row);
        }
    }
}
