package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntConsumer;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.Padding;
import org.convlab.model.PoolPadding;
import org.convlab.model.ValidatedModel.LayerInfo;

/**
 * What each filter of a conv layer looks for: the images of a set that excite it most, each with
 * the cell where it fired hardest and the patch of the image that cell sees (its receptive field).
 * Shown beside the filter's weights, this tells a learner "filter 5 likes the left edge of a
 * trouser leg" far better than the 3×3 weights alone.
 *
 * <p>An image is ranked by its maximum over the filter's map (one entry per image, at its best
 * cell), so one image with a strong edge everywhere does not fill the whole list. The map is the
 * conv layer's output after its activation: where the spec gives the conv no activation of its own
 * but follows it with batch norm and an activation layer (best-cnn: conv linear → batchnorm →
 * relu), the map is read after those ({@link #measuredAt}), as Grad-CAM's default layer does. Batch
 * norm may flip a filter's sign (a negative scale), so ranking the raw convolution would then list
 * the images that switch the unit off.
 *
 * <p>The images go through the network in batches, only up to that layer, each batch in its own
 * NDManager that is closed before the next: only each map's maximum and its cell leave the engine,
 * and each filter keeps a small heap of its best images, so memory stays bounded whatever the
 * number of images.
 *
 * <p>Forward passes only (inference mode: batch norm uses its moving statistics, dropout passes
 * everything), no gradients; the app still runs it on the training worker's safe points, like all
 * introspection.
 */
public final class FilterExcitation {

    /** Most images per filter a caller may ask for: enough for a gallery, cheap to keep in heaps. */
    public static final int MOST_PER_FILTER = 16;

    /**
     * Images per forward pass, as evaluation (ModelEvaluator): a few MB of maps (best-cnn layer 4:
     * 256 × 32 × 28 × 28 floats = 26 MB). Batches of 64 measured no faster here (best-cnn layer 4 on
     * the 10,000 test images, alternating, load 11 on 2 cores: 9.2 / 4.3 s at 64, 7.3 / 4.8 s at 256).
     */
    static final int BATCH = 256;

    private final TrainedModel model;

    public FilterExcitation(TrainedModel model) {
        this.model = model;
    }

    /**
     * A rectangle in input-image pixels: rows {@code top .. top+height-1}, columns {@code left ..
     * left+width-1}. A receptive field may start above or left of the image (negative) or end below
     * or right of it: that part is the zero padding the convolutions added.
     */
    public record Box(int top, int left, int height, int width) {

        /** The row after the last one. */
        public int bottom() {
            return top + height;
        }

        /** The column after the last one. */
        public int right() {
            return left + width;
        }
    }

    /**
     * One image that excites a filter: its index in the set and label, the cell of the filter's map
     * where it fired hardest and that activation, the cell's receptive field ({@code field}, may
     * reach into padding), the part of it inside the image ({@code patch}) and that part's pixels
     * (row-major, {@code patch.height() × patch.width()}, 0..1).
     */
    public record Excitation(int image, int label, int row, int col, float activation, Box field, Box patch,
            float[] pixels) {

        /** Rows of the field above the image (padding). */
        public int paddingAbove() {
            return patch.top() - field.top();
        }

        /** Rows of the field below the image (padding). */
        public int paddingBelow() {
            return field.bottom() - patch.bottom();
        }

        /** Columns of the field left of the image (padding). */
        public int paddingLeft() {
            return patch.left() - field.left();
        }

        /** Columns of the field right of the image (padding). */
        public int paddingRight() {
            return field.right() - patch.right();
        }

        /** Whether part of the field lay outside the image, in the padding. */
        public boolean reachesPadding() {
            return paddingAbove() > 0 || paddingBelow() > 0 || paddingLeft() > 0 || paddingRight() > 0;
        }
    }

    /**
     * The strongest images of every filter of a conv layer, ranked on the output of layer {@code
     * measuredAt} (see {@link #measuredAt}): {@code byFilter.get(f)} is filter f's
     * list, strongest first (ties: the earlier image first), at most the number asked for (fewer
     * only when the set has fewer images, or when activations are not numbers). {@code weights} are
     * the layer's kernels as {@link ModelIntrospector#filters} gives them, to show beside.
     */
    public record StrongestImages(int layer, String name, int measuredAt, int mapHeight, int mapWidth, int imagesSearched,
            ModelIntrospector.FilterImages weights, List<List<Excitation>> byFilter, double seconds) {

        public int filters() {
            return byFilter.size();
        }
    }

    public StrongestImages strongestImages(int layer, ImageSet images, int perFilter) {
        return strongestImages(layer, images, perFilter, done -> {});
    }

    /**
     * Searches every image of {@code images} once; {@code imagesDone} hears the running count after
     * each batch (for a progress bar).
     */
    public StrongestImages strongestImages(int layer, ImageSet images, int perFilter, IntConsumer imagesDone) {
        LayerInfo info = convLayer(layer);
        if (perFilter < 1 || perFilter > MOST_PER_FILTER) {
            throw new IllegalArgumentException("choose between 1 and " + MOST_PER_FILTER + " images per filter (asked for "
                    + perFilter + ")");
        }
        LayerShape input = model.spec().input();
        if (images.height() != input.height() || images.width() != input.width() || images.imageSize() != input.size()) {
            throw new IllegalArgumentException("the images are " + images.height() + "×" + images.width()
                    + "; the model takes " + input.height() + "×" + input.width());
        }
        long start = System.nanoTime();
        int measured = measuredAt(layer);
        LayerShape out = model.layer(measured).output();
        int filters = out.channels();
        int cells = out.height() * out.width();
        List<PriorityQueue<Candidate>> heaps = new ArrayList<>(filters);
        for (int f = 0; f < filters; f++) {
            heaps.add(new PriorityQueue<>(perFilter + 1, WEAKER_FIRST));
        }
        List<Pair<String, Block>> children = model.block().getChildren().stream().toList();
        int n = images.imageSize();
        for (int from = 0; from < images.size(); from += BATCH) {
            int count = Math.min(BATCH, images.size() - from);
            float[] maxima;
            long[] where;
            try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
                ParameterStore store = new ParameterStore(scope, false);
                float[] slice = Arrays.copyOfRange(images.pixels(), from * n, (from + count) * n);
                NDList x = new NDList(scope.create(slice, new Shape(count, input.channels(), input.height(), input.width())));
                for (int i = 0; i < measured; i++) {
                    x = children.get(i).getValue().forward(store, x, false);
                }
                // Only count × filters numbers leave the engine, not the maps themselves.
                NDArray maps = x.singletonOrThrow().reshape(count, filters, cells);
                maxima = maps.max(new int[] {2}).toFloatArray();
                where = maps.argMax(2).toLongArray();
            }
            for (int i = 0; i < count; i++) {
                for (int f = 0; f < filters; f++) {
                    float value = maxima[i * filters + f];
                    if (Float.isNaN(value)) {
                        continue; // a diverged model: nothing to rank
                    }
                    offer(heaps.get(f), perFilter, from + i, (int) where[i * filters + f], value);
                }
            }
            imagesDone.accept(from + count);
        }
        List<List<Excitation>> byFilter = new ArrayList<>(filters);
        for (PriorityQueue<Candidate> heap : heaps) {
            List<Candidate> best = new ArrayList<>(heap);
            best.sort(WEAKER_FIRST.reversed());
            List<Excitation> list = new ArrayList<>(best.size());
            for (Candidate c : best) {
                list.add(excitation(layer, images, c, out.width()));
            }
            byFilter.add(List.copyOf(list));
        }
        ModelIntrospector.FilterImages weights = new ModelIntrospector(model).filters(layer);
        return new StrongestImages(layer, info.name(), measured, out.height(), out.width(), images.size(), weights,
                List.copyOf(byFilter), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The layer whose output ranks the images for conv layer {@code layer}: the conv itself when it
     * has an activation of its own; for a linear conv, the batch norm layers and the one activation
     * layer right after it, where there are (positions and channels stay those of the conv, so the
     * filter's map and its cells are the same).
     */
    public int measuredAt(int layer) {
        LayerInfo conv = convLayer(layer);
        if (((Layer.Conv2d) conv.layer()).activation() != ActivationKind.LINEAR) {
            return layer;
        }
        List<LayerInfo> layers = model.spec().layers();
        int last = layer;
        while (last < layers.size() && layers.get(last).layer() instanceof Layer.BatchNorm) {
            last++;
        }
        if (last < layers.size() && layers.get(last).layer() instanceof Layer.ActivationLayer a
                && a.activation() != ActivationKind.SOFTMAX) { // softmax would mix the filters
            last++;
        }
        return last;
    }

    /**
     * The input pixels that cell ({@code row}, {@code col}) of layer {@code layer}'s maps depends
     * on, found by walking back through layers {@code layer} .. 1: a convolution widens the window
     * by its kernel and shifts it by its padding, a pooling by its window, both scale it by their
     * stride; batch norm, dropout and activations keep positions.
     */
    public Box receptiveField(int layer, int row, int col) {
        LayerInfo info = model.layer(layer);
        LayerShape s = info.output();
        if (s.flat()) {
            throw new IllegalArgumentException("layer " + layer + " (" + info.layer().kind()
                    + ") gives a flat vector, not feature maps; pick a layer before flatten");
        }
        if (row < 0 || row >= s.height() || col < 0 || col >= s.width()) {
            throw new IllegalArgumentException("layer " + layer + " (" + info.name() + ") has maps of " + s.height()
                    + "×" + s.width() + ": choose a row 0.." + (s.height() - 1) + " and a column 0.." + (s.width() - 1));
        }
        // Inclusive bounds, in the coordinates of the current layer's output.
        int top = row;
        int bottom = row;
        int left = col;
        int right = col;
        for (int l = layer; l >= 1; l--) {
            Layer spec = model.layer(l).layer();
            int stride;
            int window;
            int pad;
            int padLeft;
            switch (spec) {
                case Layer.Conv2d c -> {
                    stride = c.stride();
                    window = c.kernel();
                    pad = c.padding() == Padding.SAME ? (c.kernel() - 1) / 2 : 0; // as NetworkBuilder
                    padLeft = pad;
                }
                case Layer.MaxPool p -> {
                    stride = p.stride();
                    window = p.pool();
                    pad = PoolPadding.before(p.padding(), model.layer(l).input().height(), window);
                    padLeft = PoolPadding.before(p.padding(), model.layer(l).input().width(), window);
                }
                case Layer.AvgPool p -> {
                    stride = p.stride();
                    window = p.pool();
                    pad = PoolPadding.before(p.padding(), model.layer(l).input().height(), window);
                    padLeft = PoolPadding.before(p.padding(), model.layer(l).input().width(), window);
                }
                case Layer.BatchNorm b -> {
                    continue;
                }
                case Layer.Dropout d -> {
                    continue;
                }
                case Layer.ActivationLayer a -> {
                    continue;
                }
                case Layer.Flatten f -> throw new IllegalStateException("an image-shaped layer after flatten: " + l);
                case Layer.Dense d -> throw new IllegalStateException("an image-shaped layer after dense: " + l);
            }
            top = top * stride - pad;
            left = left * stride - padLeft;
            bottom = bottom * stride - pad + window - 1;
            right = right * stride - padLeft + window - 1;
        }
        return new Box(top, left, bottom - top + 1, right - left + 1);
    }

    private Excitation excitation(int layer, ImageSet images, Candidate c, int mapWidth) {
        int row = c.cell / mapWidth;
        int col = c.cell % mapWidth;
        Box field = receptiveField(layer, row, col);
        int top = Math.max(0, field.top());
        int left = Math.max(0, field.left());
        int bottom = Math.min(images.height(), field.bottom());
        int right = Math.min(images.width(), field.right());
        Box patch = new Box(top, left, bottom - top, right - left);
        float[] pixels = new float[patch.height() * patch.width()];
        int base = c.image * images.imageSize();
        for (int r = 0; r < patch.height(); r++) {
            System.arraycopy(images.pixels(), base + (top + r) * images.width() + left, pixels, r * patch.width(),
                    patch.width());
        }
        return new Excitation(c.image, images.labels()[c.image], row, col, c.activation, field, patch, pixels);
    }

    /** An image's best cell for one filter, while the search runs. */
    private record Candidate(int image, int cell, float activation) {}

    /** Lower activation first; on a tie the later image counts as weaker, so the earlier one stays. */
    private static final Comparator<Candidate> WEAKER_FIRST = Comparator.comparingDouble(Candidate::activation)
            .thenComparing(Comparator.comparingInt(Candidate::image).reversed());

    private static void offer(PriorityQueue<Candidate> heap, int keep, int image, int cell, float activation) {
        if (heap.size() < keep) {
            heap.add(new Candidate(image, cell, activation));
            return;
        }
        // Images come in increasing order, so an equal activation never displaces the earlier image.
        if (activation > heap.peek().activation()) {
            heap.poll();
            heap.add(new Candidate(image, cell, activation));
        }
    }

    private LayerInfo convLayer(int layer) {
        LayerInfo info = model.layer(layer);
        if (!(info.layer() instanceof Layer.Conv2d)) {
            throw new IllegalArgumentException("layer " + layer + " (" + info.layer().kind()
                    + ") is not a conv2d layer; conv layers: " + new ModelIntrospector(model).convLayers());
        }
        return info;
    }

}
