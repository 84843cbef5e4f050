package org.convlab.model;

import org.convlab.i18n.Text;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which activation function a layer applies, by name; the training code maps each to DJL's
 * {@code Activation} and the lessons compute theirs with {@code lesson.ActivationFunction}. JSON uses the lower-case names ("leaky_relu");
 * spellings like "LeakyReLU" or "leaky-relu" are accepted too because learners copy them from
 * Keras code.
 */
public enum ActivationKind {
    RELU("relu"),
    /** Slope {@link #LEAKY_RELU_ALPHA} for negative inputs (Keras' default). */
    LEAKY_RELU("leaky_relu"),
    /** alpha 1.0, as Keras. */
    ELU("elu"),
    SELU("selu"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    LINEAR("linear"),
    SOFTMAX("softmax");

    /**
     * The one slope for negative inputs that the whole app uses: the model builder, the training
     * engine and the ReLU lesson. 0.3 is Keras 2's LeakyReLU default (Keras 3's leaky_relu uses 0.2,
     * PyTorch 0.01); models saved with it keep computing what they were trained to.
     */
    public static final double LEAKY_RELU_SLOPE = 0.3;

    /** {@link #LEAKY_RELU_SLOPE} as DJL's blocks take it. */
    public static final float LEAKY_RELU_ALPHA = (float) LEAKY_RELU_SLOPE;

    private final String jsonName;

    ActivationKind(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static ActivationKind parse(String text) {
        if (text == null) {
            return null;
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (ActivationKind a : values()) {
            if (a.jsonName.replace("_", "").equals(key)) {
                return a;
            }
        }
        if (key.equals("none")) {
            return LINEAR;
        }
        throw new UnknownNameException(Text.of("model.json.unknown-activation", text, known()));
    }

    static String known() {
        return Arrays.stream(values()).map(ActivationKind::jsonName).collect(Collectors.joining(", "));
    }

    /** The name as the model builder lists it; leaky ReLU states its slope, "leaky_relu (α = 0.3)". */
    public String label() {
        return this == LEAKY_RELU ? jsonName + " (α = " + LEAKY_RELU_SLOPE + ")" : jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
