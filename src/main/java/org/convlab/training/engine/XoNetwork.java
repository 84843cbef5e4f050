package org.convlab.training.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.List;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.Filter;
import org.convlab.lesson.xo.XoExample;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.ValidatedModel;

/**
 * The X/O network of decks 001 and 003 as a real network, nothing learned: the deck's three
 * hand-made filters, divided by their 9 cells, are the weights of a 3-filter conv layer with ReLU;
 * two 2×2 max poolings with padding "same" keep the edge windows as the deck does (7×7 → 4×4 →
 * 2×2); flatten gives the deck's 12 values; and the vote is a dense layer of two units, X and O,
 * whose weights are 1/n on the n positions the clean letter lights up and 0 elsewhere, so each
 * unit's output is the mean the deck computes. All biases are 0. Built with {@link NetworkBuilder}
 * like any learner's model, so the explanation pages show it like any other.
 */
public final class XoNetwork {

    /** The classes, in the vote's order. */
    public static final List<String> LETTERS = List.of("X", "O");

    /** The spec's layers, 1-based, as the explanation numbers them. */
    public static final int CONV_LAYER = 1;
    public static final int VOTE_LAYER = 5;

    private static final int SIDE = 9;
    private static final int KERNEL = 3;

    private XoNetwork() {}

    /** 9×9×1 in, three 3×3 filters with ReLU, max pool "same" twice, flatten, dense 2 (linear). */
    public static ValidatedModel spec() {
        return ModelValidator.validate(new ModelSpec("The X/O network of the decks", new ModelSpec.InputShape(1, SIDE, SIDE),
                LETTERS.size(), List.of(
                        new Layer.Conv2d(Filter.xoFilters().size(), KERNEL, ActivationKind.RELU),
                        new Layer.MaxPool(2, 2, Padding.SAME),
                        new Layer.MaxPool(2, 2, Padding.SAME),
                        new Layer.Flatten(),
                        new Layer.Dense(LETTERS.size(), ActivationKind.LINEAR))));
    }

    /** A new model with the deck's numbers as its parameters; the caller closes it. */
    public static TrainedModel build() {
        DjlRuntime.engine();
        ValidatedModel spec = spec();
        Device device = Device.cpu(); // a few hundred numbers: never worth a GPU
        Model model = Model.newInstance("xo", device, "PyTorch");
        try {
            Block block = NetworkBuilder.build(spec);
            model.setBlock(block);
            // Every value is set below; the initializer only gives the arrays their shapes.
            block.setInitializer(Initializer.ZEROS, p -> true);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, SIDE, SIDE));
            List<Pair<String, Block>> children = block.getChildren().stream().toList();
            set(children.get(CONV_LAYER - 1).getValue(), Parameter.Type.WEIGHT, convolutionWeights());
            set(children.get(VOTE_LAYER - 1).getValue(), Parameter.Type.WEIGHT, flat(voteWeights()));
            return new TrainedModel(model, spec, LETTERS, device);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A 9×9 lesson image as the network's input, row after row. */
    public static float[] pixels(Matrix image) {
        if (image.rows() != SIDE || image.cols() != SIDE) {
            throw new IllegalArgumentException("the X/O network reads 9×9 images, not " + image.rows() + "×" + image.cols());
        }
        float[] pixels = new float[SIDE * SIDE];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                pixels[r * SIDE + c] = (float) image.get(r, c);
            }
        }
        return pixels;
    }

    /**
     * The vote as a dense layer's weights, one row per letter: 1/n at the n positions that letter
     * lights up, 0 elsewhere, so input × weights summed is the mean of the lit values.
     */
    public static double[][] voteWeights() {
        int inputs = spec().layers().get(VOTE_LAYER - 1).input().units();
        double[][] weights = new double[LETTERS.size()][inputs];
        for (int u = 0; u < LETTERS.size(); u++) {
            List<Integer> lit = XoExample.vote().litPositions(LETTERS.get(u));
            for (int p : lit) {
                weights[u][p] = 1.0 / lit.size();
            }
        }
        return weights;
    }

    /** The filters divided by their 9 cells, laid out as DJL wants: (filters, channels, rows, cols). */
    private static float[] convolutionWeights() {
        List<Filter> filters = Filter.xoFilters();
        float[] weights = new float[filters.size() * KERNEL * KERNEL];
        for (int f = 0; f < filters.size(); f++) {
            Matrix kernel = filters.get(f).kernel();
            for (int i = 0; i < KERNEL; i++) {
                for (int j = 0; j < KERNEL; j++) {
                    weights[(f * KERNEL + i) * KERNEL + j] = (float) (kernel.get(i, j) / (KERNEL * KERNEL));
                }
            }
        }
        return weights;
    }

    private static float[] flat(double[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                out[r * rows[r].length + c] = (float) rows[r][c];
            }
        }
        return out;
    }

    private static void set(Block block, Parameter.Type type, float[] values) {
        Parameter parameter = block.getParameters().stream()
                .map(Pair::getValue)
                .filter(p -> p.getType() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the layer has no " + type + " parameter"));
        if (parameter.getArray().size() != values.length) {
            throw new IllegalStateException(type + ": " + values.length + " values for " + parameter.getArray().getShape());
        }
        parameter.getArray().set(FloatBuffer.wrap(values));
    }
}
