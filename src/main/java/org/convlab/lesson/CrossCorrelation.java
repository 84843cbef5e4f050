package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one loop behind {@link Convolution2d} and {@link Convolution1d}: slide the kernel over the
 * zero-padded input and sum the products, without flipping the kernel, as CNN layers do.
 */
final class CrossCorrelation {

    private CrossCorrelation() {}

    /** Fails early, when the settings are made, rather than at the first input. */
    static void requireValid(int stride, ZeroPadding padding, int dilation) {
        Objects.requireNonNull(padding, "padding");
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got " + dilation);
        }
    }

    static ConvolutionTrace run(
            Matrix input,
            Matrix kernel,
            ZeroPadding rowPadding,
            ZeroPadding colPadding,
            int stride,
            int dilation,
            boolean divideByKernelSize,
            String colAxis) {
        OutputSize rows = OutputSize.of("rows", input.rows(), kernel.rows(), stride, rowPadding, dilation);
        OutputSize cols = OutputSize.of(colAxis, input.cols(), kernel.cols(), stride, colPadding, dilation);
        Matrix padded = Matrix.generate(rows.paddedInput(), cols.paddedInput(), (r, c) -> {
            int row = r - rows.paddingBefore();
            int col = c - cols.paddingBefore();
            return input.contains(row, col) ? input.get(row, col) : 0;
        });
        int divisor = divideByKernelSize ? kernel.size() : 1;

        List<ConvolutionStep> steps = new ArrayList<>(rows.output() * cols.output());
        double[][] output = new double[rows.output()][cols.output()];
        for (int r = 0; r < rows.output(); r++) {
            for (int c = 0; c < cols.output(); c++) {
                Cell window = new Cell(r * stride, c * stride);
                List<Cell> taps = new ArrayList<>(kernel.size());
                List<Cell> paddingCells = new ArrayList<>();
                for (int i = 0; i < kernel.rows(); i++) {
                    for (int j = 0; j < kernel.cols(); j++) {
                        Cell tap = new Cell(window.row() + i * dilation, window.col() + j * dilation);
                        taps.add(tap);
                        if (!input.contains(tap.row() - rows.paddingBefore(), tap.col() - cols.paddingBefore())) {
                            paddingCells.add(tap);
                        }
                    }
                }
                Matrix values = Matrix.generate(kernel.rows(), kernel.cols(),
                        (i, j) -> padded.get(taps.get(i * kernel.cols() + j)));
                Matrix products = Matrix.generate(kernel.rows(), kernel.cols(),
                        (i, j) -> values.get(i, j) * kernel.get(i, j));
                double sum = products.sum();
                double result = sum / divisor;
                output[r][c] = result;
                steps.add(new ConvolutionStep(new Cell(r, c), window, taps, paddingCells, values, kernel,
                        products, sum, divisor, result));
            }
        }
        return new ConvolutionTrace(input, padded, kernel, rows, cols, steps, Matrix.of(output));
    }
}
