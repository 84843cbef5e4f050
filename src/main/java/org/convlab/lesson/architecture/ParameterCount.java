package org.convlab.lesson.architecture;

/** The learnable numbers of a layer: weights, plus one bias per unit or filter. */
public record ParameterCount(long weights, long biases) {

    public static final ParameterCount NONE = new ParameterCount(0, 0);

    /** Every input connects to every unit. */
    public static ParameterCount dense(long inputs, long units) {
        return new ParameterCount(inputs * units, units);
    }

    /** Each filter has one weight per kernel cell and input channel, shared by all positions. */
    public static ParameterCount conv(int kernelHeight, int kernelWidth, int channels, int filters) {
        return new ParameterCount((long) kernelHeight * kernelWidth * channels * filters, filters);
    }

    /** What Keras reports as "Param #". */
    public long total() {
        return weights + biases;
    }
}
