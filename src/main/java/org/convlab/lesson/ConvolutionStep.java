package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One output cell of a convolution, with everything an animation shows for it: where the kernel
 * sits, which input cells it reads (and which of them are zero padding), the products, their sum,
 * the divisor and the result. Window and tap positions are in padded-input coordinates; {@link
 * ConvolutionTrace#description} puts the step into words.
 *
 * @param output the output cell this step computes
 * @param window top-left cell of the kernel's span in the padded input
 * @param taps the padded-input cell under each kernel cell, row by row; with dilation D they are D
 *     cells apart
 * @param paddingCells the taps that fall on padding (their input value is 0)
 * @param inputValues the values under the kernel, same shape as the kernel
 * @param kernel the kernel, not flipped: CNNs compute cross-correlation
 * @param products inputValues × kernel, cell by cell
 * @param sum the sum of the products
 * @param divisor what the sum is divided by: the number of kernel cells in the X/O lesson, else 1
 * @param result sum / divisor, the output value
 */
public record ConvolutionStep(
        Cell output,
        Cell window,
        List<Cell> taps,
        List<Cell> paddingCells,
        Matrix inputValues,
        Matrix kernel,
        Matrix products,
        double sum,
        int divisor,
        double result) {

    public ConvolutionStep {
        taps = List.copyOf(taps);
        paddingCells = List.copyOf(paddingCells);
    }

    /** The sum written out, e.g. "(1·1 + (−1)·(−1) + …) / 9 = 7/9", numbers as {@link ValueFormat#plain()}. */
    public String writtenSum() {
        return writtenSum(ValueFormat.plain());
    }

    /** The sum written out; the result of a division is shown as a fraction of the divisor. */
    public String writtenSum(ValueFormat format) {
        return writtenSum(format, Locale.ENGLISH);
    }

    /**
     * The sum written out for {@code locale}: {@code format} writes the factors (give it the locale's
     * decimal mark, {@link ValueFormat#plain(java.util.Locale)}), and the divided result is a fraction
     * of the divisor with that mark too: "0,5·1 + 1·(−0,5) = 0".
     */
    public String writtenSum(ValueFormat format, Locale locale) {
        List<String> terms = new ArrayList<>();
        for (int r = 0; r < kernel.rows(); r++) {
            for (int c = 0; c < kernel.cols(); c++) {
                terms.add(factor(inputValues.get(r, c), format) + Typography.TIMES + factor(kernel.get(r, c), format));
            }
        }
        String sumText = String.join(" + ", terms);
        if (divisor == 1) {
            return sumText + " = " + format.format(result);
        }
        return "(" + sumText + ") / " + divisor + " = " + ValueFormat.fractionsOf(divisor, locale).format(result);
    }

    private static String factor(double value, ValueFormat format) {
        String text = format.format(value);
        return value < 0 ? "(" + text + ")" : text;
    }
}
