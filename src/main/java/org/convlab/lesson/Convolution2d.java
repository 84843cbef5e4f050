package org.convlab.lesson;

/**
 * 2-D convolution as CNN layers compute it (cross-correlation: the kernel is not flipped).
 *
 * @param stride how many cells the kernel moves between outputs, on both axes
 * @param padding zeros added around the input
 * @param dilation spacing between the kernel's cells (1: side by side)
 * @param divideByKernelSize divide each sum by the number of kernel cells, as the X/O lesson does
 *     so that a perfect match scores 1
 */
public record Convolution2d(int stride, ZeroPadding padding, int dilation, boolean divideByKernelSize) {

    public Convolution2d {
        CrossCorrelation.requireValid(stride, padding, dilation);
    }

    /** Stride 1, no padding, no dilation, no division: Keras's Conv2D defaults. */
    public static Convolution2d defaults() {
        return new Convolution2d(1, ZeroPadding.valid(), 1, false);
    }

    public Convolution2d withStride(int newStride) {
        return new Convolution2d(newStride, padding, dilation, divideByKernelSize);
    }

    public Convolution2d withPadding(ZeroPadding newPadding) {
        return new Convolution2d(stride, newPadding, dilation, divideByKernelSize);
    }

    public Convolution2d withDilation(int newDilation) {
        return new Convolution2d(stride, padding, newDilation, divideByKernelSize);
    }

    public Convolution2d dividedByKernelSize() {
        return new Convolution2d(stride, padding, dilation, true);
    }

    /** Output size along one axis, for showing the formula before any data is chosen. */
    public OutputSize outputSize(int inputSize, int kernelSize) {
        return OutputSize.of("input", inputSize, kernelSize, stride, padding, dilation);
    }

    public Matrix apply(Matrix input, Matrix kernel) {
        // Lesson inputs are small; one code path for results and traces keeps them from disagreeing.
        return trace(input, kernel).output();
    }

    public ConvolutionTrace trace(Matrix input, Matrix kernel) {
        return CrossCorrelation.run(input, kernel, padding, padding, stride, dilation, divideByKernelSize, "columns");
    }
}
