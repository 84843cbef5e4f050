package org.convlab.lesson.architecture;

import org.convlab.lesson.EdgeRule;
import org.convlab.lesson.PoolingOutputSize;

/** Keras {@code MaxPooling2D(pool_size)}: stride equal to the pool size, odd edges dropped. */
public record MaxPooling2dLayer(int poolSize) implements Layer {

    public MaxPooling2dLayer {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
    }

    @Override
    public String kerasName() {
        return "max_pooling2d";
    }

    @Override
    public String kerasType() {
        return "MaxPooling2D";
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        int height = PoolingOutputSize.of("height", input.height(), poolSize, poolSize, EdgeRule.FLOOR).output();
        int width = PoolingOutputSize.of("width", input.width(), poolSize, poolSize, EdgeRule.FLOOR).output();
        return TensorShape.of(height, width, input.channels());
    }

    @Override
    public ParameterCount parameters(TensorShape input) {
        return ParameterCount.NONE;
    }

    @Override
    public String parameterFormula(TensorShape input) {
        return "0: pooling has nothing to learn";
    }
}
