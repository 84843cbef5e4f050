package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoints in a folder: {@code params-<tag>.bin} (every parameter's name and values),
 * {@code optimizer-<tag>.bin} (the optimizer's running state) and {@code state.json}, which names
 * the files that are complete, the last finished epoch and, for a run paused mid-epoch, its position.
 * The tag is the epoch ({@code 3}) or the epoch and batch of a pause ({@code 4-120}). The files are
 * written first and the state last, each with an atomic rename, so a crash at any moment leaves
 * either the old checkpoint or the new one, never a mix.
 */
public final class CheckpointFolder implements EpochCheckpoints {

    /** The JSON of state.json. */
    record State(int epoch, String params, String optimizer, double learningRate,
            List<ProgressListener.EpochReport> history, Position position) {}

    private final Path dir;

    public CheckpointFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    private Optional<State> state() {
        Path file = dir.resolve("state.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            State state = OwnJson.MAPPER.readValue(Files.readString(file), State.class);
            boolean complete = Files.isRegularFile(dir.resolve(state.params()))
                    && (state.optimizer() == null || Files.isRegularFile(dir.resolve(state.optimizer())));
            return complete ? Optional.of(state) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // An unreadable checkpoint is treated as none: the run starts over rather than failing.
            return Optional.empty();
        }
    }

    @Override
    public Optional<Saved> latest() {
        return state().map(s -> new Saved(s.epoch(), List.copyOf(s.history()), s.learningRate(), s.position()));
    }

    /**
     * Copies the saved values into the block's existing parameter arrays, in place. (DJL's own
     * loadParameters swaps in new arrays, which the trainer neither updates nor keeps alive.)
     */
    @Override
    public void restore(Block block, Optimizer optimizer) {
        State state = state().orElseThrow(() -> new IllegalStateException("no checkpoint in " + dir));
        restoreParameters(block, state);
        if (state.optimizer() != null) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve(state.optimizer()))))) {
                OptimizerState.read(in).restoreInto(optimizer, block);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the checkpoint in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private void restoreParameters(Block block, State state) {
        List<Parameter> parameters = block.getParameters().values();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(state.params()))))) {
            int count = in.readInt();
            if (count != parameters.size()) {
                throw new IllegalStateException("the checkpoint has " + count + " parameters, the model " + parameters.size());
            }
            for (Parameter parameter : parameters) {
                String name = in.readUTF();
                float[] values = new float[in.readInt()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readFloat();
                }
                NDArray array = parameter.getArray();
                if (!name.equals(parameter.getName()) || values.length != array.size()) {
                    throw new IllegalStateException("the checkpoint does not match the model at " + parameter.getName());
                }
                array.set(FloatBuffer.wrap(values));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(int epoch, Block block, Optimizer optimizer, List<ProgressListener.EpochReport> history,
            double learningRate) {
        write(String.valueOf(epoch), new State(epoch, null, null, learningRate, history, null), block, optimizer);
    }

    @Override
    public void savePosition(Position position, Block block, Optimizer optimizer,
            List<ProgressListener.EpochReport> history, double learningRate) {
        write(position.epoch() + "-" + position.batchesDone(),
                new State(position.epoch() - 1, null, null, learningRate, history, position), block, optimizer);
    }

    private void write(String tag, State partial, Block block, Optimizer optimizer) {
        try {
            Files.createDirectories(dir);
            String params = "params-" + tag + ".bin";
            Path temp = dir.resolve(params + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                List<Parameter> parameters = block.getParameters().values();
                out.writeInt(parameters.size());
                for (Parameter parameter : parameters) {
                    float[] values = parameter.getArray().toFloatArray();
                    out.writeUTF(parameter.getName());
                    out.writeInt(values.length);
                    for (float v : values) {
                        out.writeFloat(v);
                    }
                }
            }
            move(temp, dir.resolve(params));
            String optimizerFile = "optimizer-" + tag + ".bin";
            Path optimizerTemp = dir.resolve(optimizerFile + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(optimizerTemp)))) {
                OptimizerState.capture(optimizer, block).write(out);
            }
            move(optimizerTemp, dir.resolve(optimizerFile));
            Path stateTemp = dir.resolve("state.json.tmp");
            State state = new State(partial.epoch(), params, optimizerFile, partial.learningRate(), partial.history(),
                    partial.position());
            Files.writeString(stateTemp, OwnJson.MAPPER.writeValueAsString(state));
            move(stateTemp, dir.resolve("state.json"));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path old : files.filter(p -> {
                    String name = p.getFileName().toString();
                    return (name.startsWith("params-") || name.startsWith("optimizer-"))
                            && !name.equals(params) && !name.equals(optimizerFile);
                }).toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void discard() {
        try {
            OwnFolder.delete(dir);
        } catch (IOException e) {
            // A leftover checkpoint only costs disk space.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
