package org.convlab.training.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * Optimizers written with plain array maths, for the ones DJL's PyTorch engine does not implement:
 * its Nesterov, RMSProp and Adagrad call fused operators that throw "Not implemented", and its
 * Adadelta refuses PyTorch outright. Each keeps its running state in {@code Map<String, Map<Device,
 * NDArray>>} fields like DJL's own, so {@link OptimizerState} checkpoints them the same way.
 *
 * <p>Every update works in place on the weight and the state, and closes each temporary array at
 * once: temporaries would otherwise live in the parameters' manager until training ends. Each
 * update ends by clearing the gradient, as DJL's fused updates do.
 */
abstract class ArrayOptimizer extends Optimizer {

    /** DJL's optimizer settings (weight decay, gradient rescaling) at their defaults. */
    static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }

    private final ParameterTracker rate;

    ArrayOptimizer(ParameterTracker rate) {
        super(new Settings());
        this.rate = rate;
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        int step = updateCount(parameterId);
        float lr = rate.getNewValue(parameterId, step);
        // An update is no part of the graph. PyTorch's grad mode is per thread and on by default,
        // and DJL's gradient collector only restores what it found: on a thread where nothing had
        // turned it off, the in-place step below failed ("a leaf Variable that requires grad is
        // being used in an in-place operation").
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDArray g = grad.mul(rescaleGrad)) {
            float decay = getWeightDecay();
            if (decay != 0) {
                try (NDArray pull = weight.mul(decay)) {
                    g.addi(pull);
                }
            }
            step(parameterId, weight, g, lr);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        // PyTorch adds each backward pass's gradient to the last one; DJL's own fused updates clear
        // it afterwards, and so must these, or every step would follow the sum of all past gradients.
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }

    /** Moves {@code weight} in place by one step, given the (rescaled) gradient {@code g}. */
    abstract void step(String parameterId, NDArray weight, NDArray g, float lr);

    final NDArray state(Map<String, Map<Device, NDArray>> states, String parameterId, NDArray weight) {
        return withDefaultState(states, parameterId, weight.getDevice(), k -> weight.zerosLike());
    }

    static Map<String, Map<Device, NDArray>> newStates() {
        return new ConcurrentHashMap<>();
    }

    /** {@code w -= lr · g / (√s + ε)}: a step scaled down where gradients have been large. */
    static void divideStep(NDArray weight, NDArray g, NDArray s, float lr, float epsilon) {
        try (NDArray root = s.sqrt(); NDArray move = g.mul(lr)) {
            weight.subi(move.divi(root.addi(epsilon)));
        }
    }

    /** Nesterov momentum, PyTorch's form: {@code v = μv + g; w -= lr (g + μv)}. */
    static final class Nesterov extends ArrayOptimizer {
        private final float momentum;
        private final Map<String, Map<Device, NDArray>> velocities = newStates();

        Nesterov(ParameterTracker rate, float momentum) {
            super(rate);
            this.momentum = momentum;
        }

        @Override
        void step(String id, NDArray weight, NDArray g, float lr) {
            NDArray v = state(velocities, id, weight);
            v.muli(momentum).addi(g);
            try (NDArray ahead = v.mul(momentum)) {
                ahead.addi(g).muli(lr);
                weight.subi(ahead);
            }
        }
    }

    /** RMSProp as Keras has it: {@code s = ρs + (1-ρ)g²; w -= lr g / (√s + ε)}. */
    static final class RmsProp extends ArrayOptimizer {
        static final float RHO = 0.9f;
        static final float EPSILON = 1e-7f;
        private final Map<String, Map<Device, NDArray>> squares = newStates();

        RmsProp(ParameterTracker rate) {
            super(rate);
        }

        @Override
        void step(String id, NDArray weight, NDArray g, float lr) {
            NDArray s = state(squares, id, weight);
            try (NDArray g2 = g.square()) {
                s.muli(RHO).addi(g2.muli(1 - RHO));
            }
            divideStep(weight, g, s, lr, EPSILON);
        }
    }

    /** Adagrad: {@code h += g²; w -= lr g / (√h + ε)}. */
    static final class Adagrad extends ArrayOptimizer {
        static final float EPSILON = 1e-7f;
        private final Map<String, Map<Device, NDArray>> history = newStates();

        Adagrad(ParameterTracker rate) {
            super(rate);
        }

        @Override
        void step(String id, NDArray weight, NDArray g, float lr) {
            NDArray h = state(history, id, weight);
            try (NDArray g2 = g.square()) {
                h.addi(g2);
            }
            divideStep(weight, g, h, lr, EPSILON);
        }
    }

    /**
     * Adadelta, which sizes its own steps from the ratio of recent updates to recent gradients:
     * {@code a = ρa + (1-ρ)g²; d = √(b + ε) / √(a + ε) · g; b = ρb + (1-ρ)d²; w -= lr d}, with lr 1
     * (Keras' default; ConvLab offers no other for Adadelta).
     */
    static final class Adadelta extends ArrayOptimizer {
        static final float RHO = 0.95f;
        static final float EPSILON = 1e-7f;
        private final Map<String, Map<Device, NDArray>> gradients = newStates();
        private final Map<String, Map<Device, NDArray>> deltas = newStates();

        Adadelta(ParameterTracker rate) {
            super(rate);
        }

        @Override
        void step(String id, NDArray weight, NDArray g, float lr) {
            NDArray a = state(gradients, id, weight);
            NDArray b = state(deltas, id, weight);
            try (NDArray g2 = g.square()) {
                a.muli(RHO).addi(g2.muli(1 - RHO));
            }
            try (NDArray num = b.add(EPSILON); NDArray den = a.add(EPSILON);
                    NDArray d = num.sqrt(); NDArray rootDen = den.sqrt()) {
                d.divi(rootDen).muli(g);
                try (NDArray d2 = d.square()) {
                    b.muli(RHO).addi(d2.muli(1 - RHO));
                }
                weight.subi(d.muli(lr));
            }
        }
    }
}
