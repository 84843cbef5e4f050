package org.convlab.lesson;

/**
 * 1-D convolution (cross-correlation) of a signal with a kernel. The trace is a one-row {@link
 * ConvolutionTrace}, so the same animation can show it.
 *
 * @param stride how many positions the kernel moves between outputs
 * @param padding zeros added at both ends of the signal
 * @param dilation spacing between the kernel's cells (1: side by side)
 * @param divideByKernelSize divide each sum by the kernel's length
 */
public record Convolution1d(int stride, ZeroPadding padding, int dilation, boolean divideByKernelSize) {

    public Convolution1d {
        CrossCorrelation.requireValid(stride, padding, dilation);
    }

    public static Convolution1d defaults() {
        return new Convolution1d(1, ZeroPadding.valid(), 1, false);
    }

    public double[] apply(double[] signal, double... kernel) {
        return trace(signal, kernel).output().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    public ConvolutionTrace trace(double[] signal, double... kernel) {
        return CrossCorrelation.run(Matrix.row(signal), Matrix.row(kernel), ZeroPadding.valid(), padding, stride,
                dilation, divideByKernelSize, "signal");
    }
}
