package org.convlab.lesson.architecture;

import org.convlab.model.LayerShape;

/**
 * Dense against convolutional weights for the same input. A dense unit needs one weight per input
 * value; a kernel needs one per kernel cell and channel, whatever the image size, because every
 * position shares it. Biases are left out, as the deck counts only weights (Keras's "Param #", with
 * biases, is {@link ParameterFormula}'s).
 *
 * @param input the image shape
 * @param units dense units in the first layer
 * @param filters kernels in the first convolutional layer
 * @param kernelSize side of each square kernel
 */
public record WeightComparison(LayerShape input, int units, int filters, int kernelSize) {

    public WeightComparison {
        if (input.flat()) {
            throw new IllegalArgumentException("expected an image shape (height, width, channels), got "
                    + input.describe());
        }
        if (input.height() < 1 || input.width() < 1 || input.channels() < 1) {
            throw new IllegalArgumentException("an image needs a height, width and channels of at least 1, got "
                    + input.describe());
        }
        if (units < 1 || filters < 1 || kernelSize < 1) {
            throw new IllegalArgumentException("units, filters and kernel size must be at least 1");
        }
    }

    /** Deck 003: a 10×10 image into 32 dense units (3,200 weights) or 32 kernels of 3×3 (288). */
    public static WeightComparison deckExample() {
        return new WeightComparison(LayerShape.image(1, 10, 10), 32, 32, 3);
    }

    /** One weight per input value and unit. */
    public long denseWeights() {
        return input.size() * units;
    }

    /** One weight per kernel cell and input channel, for each filter. */
    public long convWeights() {
        return (long) kernelSize * kernelSize * input.channels() * filters;
    }

    /** Weights each dense unit needs: one per input value (120,000 for a 200×200×3 image). */
    public long denseWeightsPerUnit() {
        return input.size();
    }

    /** e.g. "200·200·3 inputs × 32 units = 3,840,000 weights". */
    public String denseFormula() {
        return input.height() + "·" + input.width() + "·" + input.channels() + " inputs × " + units + " units = "
                + ParameterFormula.grouped(denseWeights()) + " weights";
    }

    /** e.g. "32 kernels × 3·3·1 = 288 weights". */
    public String convFormula() {
        return filters + " kernels × " + kernelSize + "·" + kernelSize + "·" + input.channels() + " = "
                + ParameterFormula.grouped(convWeights()) + " weights";
    }
}
