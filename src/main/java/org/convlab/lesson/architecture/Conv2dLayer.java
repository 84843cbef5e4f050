package org.convlab.lesson.architecture;

import org.convlab.lesson.OutputSize;
import org.convlab.lesson.ZeroPadding;

/** Keras {@code Conv2D(filters, kernel_size)} with its defaults: stride 1, padding 'valid'. */
public record Conv2dLayer(int filters, int kernelSize) implements Layer {

    public Conv2dLayer {
        if (filters < 1 || kernelSize < 1) {
            throw new IllegalArgumentException("filters and kernel size must be at least 1");
        }
    }

    @Override
    public String kerasName() {
        return "conv2d";
    }

    @Override
    public String kerasType() {
        return "Conv2D";
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        int height = OutputSize.of("height", input.height(), kernelSize, 1, ZeroPadding.valid(), 1).output();
        int width = OutputSize.of("width", input.width(), kernelSize, 1, ZeroPadding.valid(), 1).output();
        return TensorShape.of(height, width, filters);
    }

    @Override
    public ParameterCount parameters(TensorShape input) {
        return ParameterCount.conv(kernelSize, kernelSize, input.channels(), filters);
    }

    @Override
    public String parameterFormula(TensorShape input) {
        return "(" + kernelSize + "·" + kernelSize + "·" + input.channels() + " + 1)·" + filters + " = "
                + parameters(input).total();
    }
}
