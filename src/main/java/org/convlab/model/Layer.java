package org.convlab.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a sequential model, as written in a model spec. JSON carries the layer kind in the
 * field {@code "type"}. Sizes are boxed so that validation can say "filters is missing" rather than
 * silently reading 0; optional settings are filled with Keras' defaults by {@link #withDefaults()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Layer.Conv2d.class, name = "conv2d"),
    @JsonSubTypes.Type(value = Layer.MaxPool.class, name = "maxpool"),
    @JsonSubTypes.Type(value = Layer.AvgPool.class, name = "avgpool"),
    @JsonSubTypes.Type(value = Layer.BatchNorm.class, name = "batchnorm"),
    @JsonSubTypes.Type(value = Layer.Dropout.class, name = "dropout"),
    @JsonSubTypes.Type(value = Layer.Flatten.class, name = "flatten"),
    @JsonSubTypes.Type(value = Layer.Dense.class, name = "dense"),
    @JsonSubTypes.Type(value = Layer.ActivationLayer.class, name = "activation")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Layer {

    /** The spec's name for this kind of layer ("conv2d", "maxpool", ...). */
    @JsonIgnore
    String kind();

    /** Keras' class name, for the summary ("Conv2D"). */
    @JsonIgnore
    String kerasType();

    /** Keras' default layer name before numbering ("conv2d", "max_pooling2d"). */
    @JsonIgnore
    String kerasName();

    /** The same layer with every optional setting filled in. */
    Layer withDefaults();

    /** 2-D convolution; {@code kernel} is the side of a square kernel. */
    record Conv2d(
            Integer filters,
            Integer kernel,
            Integer stride,
            Padding padding,
            ActivationKind activation,
            Double l1,
            Double l2)
            implements Layer {
        public Conv2d(int filters, int kernel, ActivationKind activation) {
            this(filters, kernel, 1, Padding.VALID, activation, 0.0, 0.0);
        }

        public Conv2d(int filters, int kernel, Padding padding, ActivationKind activation) {
            this(filters, kernel, 1, padding, activation, 0.0, 0.0);
        }

        public String kind() { return "conv2d"; }
        public String kerasType() { return "Conv2D"; }
        public String kerasName() { return "conv2d"; }

        public Conv2d withDefaults() {
            return new Conv2d(filters, kernel, stride == null ? 1 : stride,
                    padding == null ? Padding.VALID : padding,
                    activation == null ? ActivationKind.LINEAR : activation,
                    l1 == null ? 0.0 : l1, l2 == null ? 0.0 : l2);
        }
    }

    /**
     * Max pooling over a square window; stride defaults to the window size, as in Keras. Padding
     * "same" (stride equal to the window only) keeps the windows that hang over the edge, so 7×7
     * becomes 4×4; see {@link PoolPadding}.
     */
    record MaxPool(Integer pool, Integer stride, Padding padding) implements Layer {
        public MaxPool(int pool) { this(pool, null, null); }
        public MaxPool(Integer pool, Integer stride) { this(pool, stride, null); }
        public String kind() { return "maxpool"; }
        public String kerasType() { return "MaxPooling2D"; }
        public String kerasName() { return "max_pooling2d"; }
        public MaxPool withDefaults() {
            return new MaxPool(pool == null ? 2 : pool, stride == null ? (pool == null ? 2 : pool) : stride,
                    padding == null ? Padding.VALID : padding);
        }
    }

    /** Average pooling over a square window; stride defaults to the window size; padding as {@link MaxPool}. */
    record AvgPool(Integer pool, Integer stride, Padding padding) implements Layer {
        public AvgPool(int pool) { this(pool, null, null); }
        public AvgPool(Integer pool, Integer stride) { this(pool, stride, null); }
        public String kind() { return "avgpool"; }
        public String kerasType() { return "AveragePooling2D"; }
        public String kerasName() { return "average_pooling2d"; }
        public AvgPool withDefaults() {
            return new AvgPool(pool == null ? 2 : pool, stride == null ? (pool == null ? 2 : pool) : stride,
                    padding == null ? Padding.VALID : padding);
        }
    }

    /** Batch normalization over channels (images) or units (vectors). */
    record BatchNorm() implements Layer {
        public String kind() { return "batchnorm"; }
        public String kerasType() { return "BatchNormalization"; }
        public String kerasName() { return "batch_normalization"; }
        public BatchNorm withDefaults() { return this; }
    }

    /** Dropout: during training, zeroes each value with probability {@code rate}. */
    record Dropout(Double rate) implements Layer {
        public Dropout(double rate) { this(Double.valueOf(rate)); }
        public String kind() { return "dropout"; }
        public String kerasType() { return "Dropout"; }
        public String kerasName() { return "dropout"; }
        public Dropout withDefaults() { return this; }
    }

    /** Turns an image (channels × height × width) into one vector. */
    record Flatten() implements Layer {
        public String kind() { return "flatten"; }
        public String kerasType() { return "Flatten"; }
        public String kerasName() { return "flatten"; }
        public Flatten withDefaults() { return this; }
    }

    /** Fully connected layer. */
    record Dense(Integer units, ActivationKind activation, Double l1, Double l2) implements Layer {
        public Dense(int units, ActivationKind activation) { this(units, activation, 0.0, 0.0); }
        public String kind() { return "dense"; }
        public String kerasType() { return "Dense"; }
        public String kerasName() { return "dense"; }
        public Dense withDefaults() {
            return new Dense(units, activation == null ? ActivationKind.LINEAR : activation,
                    l1 == null ? 0.0 : l1, l2 == null ? 0.0 : l2);
        }
    }

    /** A standalone activation, e.g. after batch normalization. */
    record ActivationLayer(ActivationKind activation) implements Layer {
        public String kind() { return "activation"; }
        public String kerasType() {
            return activation == ActivationKind.LEAKY_RELU ? "LeakyReLU" : "Activation";
        }
        public String kerasName() {
            return activation == ActivationKind.LEAKY_RELU ? "leaky_re_lu" : "activation";
        }
        public ActivationLayer withDefaults() { return this; }
    }
}
