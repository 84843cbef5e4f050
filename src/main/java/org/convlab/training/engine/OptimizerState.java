package org.convlab.training.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An optimizer's running state: Adam's moment estimates, the momentum buffers of SGD and Nesterov,
 * RMSProp's and Adagrad's accumulators, and the step count of every parameter (Adam's bias
 * correction depends on it). Saved with each epoch checkpoint so a resumed run goes on exactly as
 * if it had never stopped; without it Adam starts again from zero moments and takes a few large,
 * noisy steps.
 *
 * <p>DJL keeps this state in private fields and has no way to export it, so it is read and written
 * here by reflection: every field of the optimizer's own class that maps parameter ids to one
 * array per device, plus {@link Optimizer}'s step counts. Parameters are named by their path in
 * the block (ids are random per process). If a DJL upgrade renames these fields,
 * {@code CheckpointResumeTest} fails rather than resumes going quietly wrong.
 */
public final class OptimizerState {

    /** One state array: which optimizer field, which parameter, its shape and values. */
    record Entry(String field, String parameter, long[] shape, float[] values) {}

    private final Map<String, Integer> steps;
    private final int updates;
    private final List<Entry> entries;

    OptimizerState(Map<String, Integer> steps, int updates, List<Entry> entries) {
        this.steps = steps;
        this.updates = updates;
        this.entries = entries;
    }

    /** How many state arrays there are (0 for plain SGD, 2 per parameter for Adam once it stepped). */
    public int arrays() {
        return entries.size();
    }

    /** The optimizer's state now, its parameters named by their place in {@code block}. */
    public static OptimizerState capture(Optimizer optimizer, Block block) {
        Map<String, String> names = idToName(block);
        Map<String, Integer> steps = new LinkedHashMap<>();
        stepCounts(optimizer).forEach((id, count) -> {
            if (names.containsKey(id)) {
                steps.put(names.get(id), count);
            }
        });
        List<Entry> entries = new ArrayList<>();
        for (Field field : stateFields(optimizer)) {
            stateMap(optimizer, field).forEach((id, perDevice) -> {
                String name = names.get(id);
                if (name != null && !perDevice.isEmpty()) {
                    NDArray array = perDevice.values().iterator().next();
                    entries.add(new Entry(field.getName(), name, array.getShape().getShape(), array.toFloatArray()));
                }
            });
        }
        return new OptimizerState(steps, readInt(optimizer, "numUpdate"), entries);
    }

    /** Puts this state into a fresh optimizer of the same kind, for the same model. */
    public void restoreInto(Optimizer optimizer, Block block) {
        Map<String, Parameter> byName = nameToParameter(block);
        Map<String, Integer> counts = stepCounts(optimizer);
        steps.forEach((name, count) -> counts.put(require(byName, name).getId(), count));
        writeInt(optimizer, "numUpdate", updates);
        Map<String, Field> fields = new HashMap<>();
        stateFields(optimizer).forEach(f -> fields.put(f.getName(), f));
        for (Entry entry : entries) {
            Field field = fields.get(entry.field());
            if (field == null) {
                throw new IllegalStateException("the saved optimizer state has \"" + entry.field()
                        + "\", which " + optimizer.getClass().getSimpleName() + " does not keep");
            }
            Parameter parameter = require(byName, entry.parameter());
            NDArray weight = parameter.getArray();
            NDArray array = weight.getManager().create(entry.values(), new Shape(entry.shape()));
            Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
            perDevice.put(weight.getDevice(), array);
            stateMap(optimizer, field).put(parameter.getId(), perDevice);
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(updates);
        out.writeInt(steps.size());
        for (Map.Entry<String, Integer> step : steps.entrySet()) {
            out.writeUTF(step.getKey());
            out.writeInt(step.getValue());
        }
        out.writeInt(entries.size());
        for (Entry entry : entries) {
            out.writeUTF(entry.field());
            out.writeUTF(entry.parameter());
            out.writeInt(entry.shape().length);
            for (long d : entry.shape()) {
                out.writeLong(d);
            }
            out.writeInt(entry.values().length);
            for (float v : entry.values()) {
                out.writeFloat(v);
            }
        }
    }

    static OptimizerState read(DataInputStream in) throws IOException {
        int updates = in.readInt();
        Map<String, Integer> steps = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            steps.put(in.readUTF(), in.readInt());
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String field = in.readUTF();
            String parameter = in.readUTF();
            long[] shape = new long[in.readInt()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readLong();
            }
            float[] values = new float[in.readInt()];
            for (int v = 0; v < values.length; v++) {
                values[v] = in.readFloat();
            }
            entries.add(new Entry(field, parameter, shape, values));
        }
        return new OptimizerState(steps, updates, entries);
    }

    // ---- the reflection, in one place ----

    /** The optimizer's fields of type Map declared below {@link Optimizer}: its per-parameter state. */
    private static List<Field> stateFields(Optimizer optimizer) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = optimizer.getClass(); c != null && c != Optimizer.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Map.class.isAssignableFrom(f.getType()) && !Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Device, NDArray>> stateMap(Optimizer optimizer, Field field) {
        try {
            return (Map<String, Map<Device, NDArray>>) field.get(optimizer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the optimizer's " + field.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> stepCounts(Optimizer optimizer) {
        try {
            Field f = Optimizer.class.getDeclaredField("updateCounts");
            f.setAccessible(true);
            return (Map<String, Integer>) f.get(optimizer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this DJL version keeps no per-parameter step counts where expected", e);
        }
    }

    private static int readInt(Optimizer optimizer, String name) {
        try {
            Field f = Optimizer.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.getInt(optimizer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this DJL version has no Optimizer." + name, e);
        }
    }

    private static void writeInt(Optimizer optimizer, String name, int value) {
        try {
            Field f = Optimizer.class.getDeclaredField(name);
            f.setAccessible(true);
            f.setInt(optimizer, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this DJL version has no Optimizer." + name, e);
        }
    }

    private static Map<String, String> idToName(Block block) {
        Map<String, String> names = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
        return names;
    }

    private static Map<String, Parameter> nameToParameter(Block block) {
        Map<String, Parameter> byName = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            byName.put(p.getKey(), p.getValue());
        }
        return byName;
    }

    private static Parameter require(Map<String, Parameter> byName, String name) {
        Parameter parameter = byName.get(name);
        if (parameter == null) {
            throw new IllegalStateException("the saved optimizer state names a parameter the model lacks: " + name);
        }
        return parameter;
    }
}
