package org.convlab.lesson.xo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.ActivationTrace;
import org.convlab.lesson.Convolution2d;
import org.convlab.lesson.ConvolutionTrace;
import org.convlab.lesson.EdgeRule;
import org.convlab.lesson.Flatten;
import org.convlab.lesson.FlattenTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.Pooling;
import org.convlab.lesson.PoolingTrace;

/**
 * The X/O network of decks 001 and 003, computed as they compute it: each of the three filters is
 * slid over the 9×9 image with every sum divided by 9 (so the maps hold ninths: 7/9 is the deck's
 * 0.77), then ReLU, 2×2 max pooling with stride 2 keeping the partial window at the edge (7×7 → 4×4),
 * pooling again (4×4 → 2×2), flattening to 12 values, and the vote.
 */
public final class XoExample {

    /** No padding, stride 1, each sum divided by the kernel's 9 cells so a perfect match scores 1. */
    public static final Convolution2d CONVOLUTION = Convolution2d.defaults().dividedByKernelSize();

    public static final ActivationFunction ACTIVATION = ActivationFunction.relu();

    public static final Pooling POOLING = Pooling.max(2, 2, EdgeRule.COVER);

    /** The vector deck 001 tests its network with; it scores 0.912 for X. */
    public static final List<Double> DECK_TEST_VECTOR =
            List.of(0.9, 0.65, 0.45, 0.87, 0.96, 0.73, 0.23, 0.63, 0.44, 0.89, 0.94, 0.53);

    private XoExample() {}

    /** Runs any 9×9 image (or any size the 3×3 filters fit) through the network. */
    public static XoRun run(Matrix image) {
        List<FilterPass> passes = passes(image);
        FlattenTrace flatten = flatten(passes);
        return new XoRun(image, passes, flatten, References.VOTE.scoreAll(flatten.vector()));
    }

    public static XoRun x() {
        return run(XoImages.x());
    }

    public static XoRun o() {
        return run(XoImages.o());
    }

    /** The vote with the positions the clean X and O light up. */
    public static XoVote vote() {
        return References.VOTE;
    }

    /** How the deck's test vector scores: X 0.912, O 0.5175 (the deck cuts these to 0.91 and 0.51). */
    public static Map<String, VoteTrace> deckTestVotes() {
        return References.VOTE.scoreAll(DECK_TEST_VECTOR);
    }

    private static List<FilterPass> passes(Matrix image) {
        List<FilterPass> passes = new ArrayList<>();
        for (Filter filter : Filter.xoFilters()) {
            ConvolutionTrace convolution = CONVOLUTION.trace(image, filter.kernel());
            ActivationTrace relu = ACTIVATION.trace(convolution.output());
            PoolingTrace pool = POOLING.trace(relu.output());
            PoolingTrace pool2 = POOLING.trace(pool.output());
            passes.add(new FilterPass(filter, convolution, relu, pool, pool2));
        }
        return passes;
    }

    private static FlattenTrace flatten(List<FilterPass> passes) {
        return Flatten.trace(passes.stream().map(pass -> pass.pool2().output()).toList());
    }

    /** Built on first use: the vote needs the clean letters' vectors, which need the network. */
    private static final class References {
        static final XoVote VOTE = XoVote.fromReferences(referenceVectors());

        private static Map<String, List<Double>> referenceVectors() {
            Map<String, List<Double>> vectors = new LinkedHashMap<>();
            vectors.put("X", flatten(passes(XoImages.x())).vector());
            vectors.put("O", flatten(passes(XoImages.o())).vector());
            return vectors;
        }
    }
}
