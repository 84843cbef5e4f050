package org.convlab.model;

/**
 * How much arithmetic one image costs a model: the multiply-adds of one forward pass. Convolutions
 * and dense layers are nearly all of it; pooling, batch norm and activations touch each value once
 * and are counted so (they matter only for models with almost no weights). Training costs about
 * three times a forward pass for every model alike, so the ratio between two models' costs is what
 * the training estimates use.
 */
public final class ModelCost {

    private ModelCost() {}

    /** Multiply-adds of one forward pass of one image (at least 1). */
    public static long multiplyAdds(ValidatedModel model) {
        long total = 0;
        for (ValidatedModel.LayerInfo info : model.layers()) {
            total += multiplyAdds(info);
        }
        return Math.max(1, total);
    }

    static long multiplyAdds(ValidatedModel.LayerInfo info) {
        LayerShape in = info.input();
        LayerShape out = info.output();
        return switch (info.layer()) {
            // Each output value: kernel × kernel × input channels products.
            case Layer.Conv2d conv -> {
                int k = conv.kernel() == null ? 0 : conv.kernel();
                yield (long) out.height() * out.width() * out.channels() * k * k * in.channels();
            }
            case Layer.Dense dense -> in.size() * out.size();
            case Layer.Flatten flatten -> 0;
            case Layer.Dropout dropout -> 0;
            default -> out.size();
        };
    }
}
