package org.convlab.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A declarative sequential model: an input shape, the number of classes and a stack of layers.
 * The last layer must produce one value per class; a softmax there is folded into the loss when
 * training (the network outputs logits, {@code predict} applies the softmax).
 *
 * @param name free text shown in summaries and run folders
 * @param input the sample shape, channels first; Fashion-MNIST is 1×28×28 (the default)
 * @param classes number of output classes (default 10)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String name, InputShape input, Integer classes, List<Layer> layers) {

    /** Fashion-MNIST: one channel, 28×28. */
    public static final InputShape FASHION_MNIST = new InputShape(1, 28, 28);
    /** CIFAR-10 and the colour demo set: three channels (red, green, blue), 32×32. */
    public static final InputShape COLOUR_32 = new InputShape(3, 32, 32);

    public ModelSpec {
        // Not List.copyOf: a null entry ("layers": [null]) must reach validation, not throw here.
        layers = layers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(layers));
    }

    public ModelSpec(String name, List<Layer> layers) {
        this(name, FASHION_MNIST, 10, layers);
    }

    /** Input shape with Fashion-MNIST's default, for specs that leave it out. */
    public InputShape inputOrDefault() {
        return input == null ? FASHION_MNIST : input;
    }

    public int classesOrDefault() {
        return classes == null ? 10 : classes;
    }

    /**
     * The same model for another data set: its input becomes the images' shape and, when the last
     * dense layer gives one value per class (as every preset's does), that layer gives one per class
     * of the new data set. The layers between are kept as they are: whether they still fit (a
     * pooling too many for small images, say) is the validator's to say.
     */
    public ModelSpec forData(int channels, int size, int classCount) {
        List<Layer> adapted = new ArrayList<>(layers);
        for (int i = adapted.size() - 1; i >= 0; i--) {
            if (adapted.get(i) instanceof Layer.Dense dense) {
                if (dense.units() != null && dense.units() == classesOrDefault()) {
                    adapted.set(i, new Layer.Dense(classCount, dense.activation(), dense.l1(), dense.l2()));
                }
                break;
            }
        }
        return new ModelSpec(name, new InputShape(channels, size, size), classCount, adapted);
    }

    /** One sample's shape at the input, channels first. */
    public record InputShape(Integer channels, Integer height, Integer width) {}
}
