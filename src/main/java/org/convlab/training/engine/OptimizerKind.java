package org.convlab.training.engine;

import org.convlab.i18n.Text;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The optimizers ConvLab offers, with the learning rate each starts from when none is given. SGD,
 * momentum, Adam and AdamW are DJL's; the others are ConvLab's ({@link ArrayOptimizer}) because the
 * PyTorch engine does not implement DJL's versions of them.
 */
public enum OptimizerKind {
    SGD("sgd", 0.01),
    MOMENTUM("momentum", 0.01),
    NESTEROV("nesterov", 0.01),
    ADAM("adam", 0.001),
    ADAMW("adamw", 0.001),
    RMSPROP("rmsprop", 0.001),
    ADAGRAD("adagrad", 0.01),
    /** Adadelta sizes its own steps; the learning rate only scales them (1, as in Keras). */
    ADADELTA("adadelta", 1.0);

    private final String cliName;
    private final double defaultLearningRate;

    OptimizerKind(String cliName, double defaultLearningRate) {
        this.cliName = cliName;
        this.defaultLearningRate = defaultLearningRate;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    public static OptimizerKind parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (key.equals("sgdmomentum")) {
            return MOMENTUM;
        }
        if (key.equals("nag") || key.equals("sgdnesterov")) {
            return NESTEROV;
        }
        for (OptimizerKind k : values()) {
            if (k.cliName.equals(key)) {
                return k;
            }
        }
        throw new RefusedArgument(Text.of("training.choice.unknown-optimizer", text,
                Arrays.stream(values()).map(OptimizerKind::toString).collect(Collectors.joining(", "))));
    }

    /** A DJL optimizer whose learning rate comes from {@code rate} (so plateaus can lower it). */
    Optimizer build(ParameterTracker rate, float momentum) {
        return switch (this) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(rate).build();
            case MOMENTUM -> Optimizer.sgd().setLearningRateTracker(rate).optMomentum(momentum).build();
            case NESTEROV -> new ArrayOptimizer.Nesterov(rate, momentum);
            case ADAM -> Optimizer.adam().optLearningRateTracker(rate).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(rate).build();
            case RMSPROP -> new ArrayOptimizer.RmsProp(rate);
            case ADAGRAD -> new ArrayOptimizer.Adagrad(rate);
            case ADADELTA -> new ArrayOptimizer.Adadelta(rate);
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
