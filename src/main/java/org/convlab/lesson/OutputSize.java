package org.convlab.lesson;

import org.convlab.i18n.Text;

/**
 * The size of a convolution's output along one axis, with the numbers that produced it, so a page
 * can show o = floor((W − K_eff + 2P) / S) + 1 and K_eff = D·(K − 1) + 1 filled in.
 */
public record OutputSize(
        int input, int kernel, int dilation, int paddingBefore, int paddingAfter, int stride, int output) {

    /**
     * Evaluates the formula; rejects parameters no convolution can run with.
     *
     * @param axis "rows", "columns" or "positions", used in error messages
     */
    public static OutputSize of(String axis, int input, int kernel, int stride, ZeroPadding padding, int dilation) {
        requireAtLeastOne("stride", stride);
        requireAtLeastOne("dilation", dilation);
        requireAtLeastOne("kernel size", kernel);
        requireAtLeastOne("input size", input);
        int effectiveKernel = effectiveKernel(kernel, dilation);
        ZeroPadding.Amount pad = padding.amount(input, effectiveKernel, stride);
        int padded = input + pad.before() + pad.after();
        if (effectiveKernel > padded) {
            Text along = Text.of("lesson.axis." + axis);
            throw new SizeException(dilation == 1
                    ? Text.of("lesson.size.kernel", along, kernel, input, pad.before(), pad.after(), padded)
                    : Text.of("lesson.size.dilated-kernel", along, effectiveKernel, kernel, dilation, input, pad.before(),
                            pad.after(), padded));
        }
        int output = (padded - effectiveKernel) / stride + 1;
        return new OutputSize(input, kernel, dilation, pad.before(), pad.after(), stride, output);
    }

    private static int effectiveKernel(int kernel, int dilation) {
        return dilation * (kernel - 1) + 1;
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    /** K_eff: the span the kernel covers once its cells are spread {@code dilation} apart. */
    public int effectiveKernel() {
        return effectiveKernel(kernel, dilation);
    }

    public int paddedInput() {
        return input + paddingBefore + paddingAfter;
    }

    /** The formula in symbols; uneven SAME padding shows both sides instead of 2P. */
    public String formula() {
        String padding = paddingBefore == paddingAfter ? "2P" : "P_before + P_after";
        return "o = floor((W − K_eff + " + padding + ") / S) + 1";
    }

    /** The formula with this axis's numbers, e.g. "o = floor((9 − 3 + 2·0) / 1) + 1 = 7". */
    public String evaluation() {
        String padding = paddingBefore == paddingAfter
                ? "2·" + paddingBefore
                : paddingBefore + " + " + paddingAfter;
        return "o = floor((" + input + " − " + effectiveKernel() + " + " + padding + ") / " + stride
                + ") + 1 = " + output;
    }

    /** e.g. "K_eff = 2·(3 − 1) + 1 = 5". */
    public String effectiveKernelEvaluation() {
        return "K_eff = " + dilation + "·(" + kernel + " − 1) + 1 = " + effectiveKernel();
    }
}
