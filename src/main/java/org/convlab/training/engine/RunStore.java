package org.convlab.training.engine;

import org.convlab.i18n.Text;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;
import java.nio.file.AccessDeniedException;
import ai.djl.engine.EngineException;
import java.nio.file.LinkOption;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Saves and loads run folders:
 *
 * <pre>
 * DIR/run.json            spec, hyperparameters, history, metrics, device, timings (RunRecord)
 * DIR/model-0000.params   DJL's parameter format
 * </pre>
 *
 * A save writes everything into a hidden sibling folder, then renames it into place. A first save
 * is one atomic rename; replacing an existing run renames the old folder aside first and deletes it
 * last, and {@link #load} puts it back if a crash came between the two renames. A crash mid-save
 * therefore never leaves a half-written run where the previous one was.
 *
 * <p>A save only ever replaces a run folder ConvLab wrote itself ({@link #isRunFolder}): anything
 * else at the target (a file, a folder of someone's work) is refused, never deleted.
 */
public final class RunStore {

    static final String PARAMS_PREFIX = "model";
    /** The longest folder name made from a model's name (the run id adds a time stamp). */
    private static final int MAX_FOLDER_NAME = 60;

    private RunStore() {}

    /**
     * A folder name made from a model's name: letters, digits, '.', '-' and '_' only, never starting
     * with a dot (so never "." or ".."), at most 60 characters, "model" when nothing is left. Run
     * folders are always named this way, so a name like {@code ../../escaped} stays inside the runs folder.
     */
    public static String folderName(String modelName) {
        String slug = modelName == null ? "" : modelName.replaceAll("[^A-Za-z0-9._-]", "_");
        slug = slug.replaceFirst("^[._-]+", "");
        if (slug.length() > MAX_FOLDER_NAME) {
            slug = slug.substring(0, MAX_FOLDER_NAME);
        }
        return slug.isEmpty() || slug.chars().allMatch(c -> c == '_') ? "model" : slug;
    }

    /**
     * Whether {@code dir} is a run folder ConvLab wrote: a readable run.json of ConvLab's format and
     * nothing but ConvLab's own files beside it. Only such a folder may be replaced.
     */
    public static boolean isRunFolder(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            boolean ownFilesOnly = entries.allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && (p.getFileName().toString().equals("run.json")
                            || p.getFileName().toString().matches(PARAMS_PREFIX + "-\\d{4}\\.params")));
            return ownFilesOnly && OwnJson.MAPPER.readValue(Files.readString(dir.resolve("run.json")), RunRecord.class).format()
                    == RunRecord.FORMAT;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Refuses a target that a save could not use without destroying something: an existing file,
     * or a folder that is not a ConvLab run folder. Call it before training, so nobody trains for
     * nothing.
     */
    public static void checkTarget(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isRunFolder(target)) {
            throw new RefusedArgument(Text.of(Files.isDirectory(target) ? "training.store.target-not-run-folder"
                    : "training.store.target-not-folder", dir.toString()));
        }
    }

    /**
     * Training finished but the run could not be written (read-only or full disk, say). Its message
     * reads "the trained model could not be saved: " and the {@link #reason()}.
     */
    public static final class NotSavedException extends TextException {
        private final Text reason;

        public NotSavedException(Text reason, Throwable cause) {
            super(Text.of("training.problem.not-saved", reason), cause);
            this.reason = reason;
        }

        /** Why the model could not be saved, without the words before it. */
        public Text reason() {
            return reason;
        }
    }

    public static void save(Path dir, TrainedModel model, RunRecord record) {
        checkTarget(dir);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String token = UUID.randomUUID().toString().substring(0, 8);
        Path temp = parent.resolve("." + target.getFileName() + ".saving-" + token);
        Path old = parent.resolve("." + target.getFileName() + ".old-" + token);
        try {
            Files.createDirectories(temp);
            model.djlModel().save(temp, PARAMS_PREFIX);
            Files.writeString(temp.resolve("run.json"), OwnJson.INDENTED.writeValueAsString(record));
            if (Files.exists(target)) {
                move(target, old);
                move(temp, target);
                OwnFolder.delete(old);
            } else {
                move(temp, target);
            }
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temp);
            throw new NotSavedException(Text.of(e instanceof AccessDeniedException
                    || e.getCause() instanceof AccessDeniedException
                    ? "training.problem.not-saved.not-writable" : "training.problem.not-saved.write-failed"), e);
        } catch (EngineException e) {
            deleteQuietly(temp);
            throw new NotSavedException(Text.of("training.problem.not-saved.weights-failed"), e);
        }
    }

    public static RunRecord readRecord(Path dir) {
        Path target = recover(dir.toAbsolutePath().normalize());
        Path file = target.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            throw new RefusedArgument(Text.of("training.store.no-run-json", String.valueOf(dir.getFileName())));
        }
        try {
            RunRecord record = OwnJson.MAPPER.readValue(Files.readString(file), RunRecord.class);
            if (record.format() != RunRecord.FORMAT) {
                throw new RefusedArgument(Text.of("training.store.run-format", String.valueOf(dir.getFileName()),
                        String.valueOf(record.format()), String.valueOf(RunRecord.FORMAT)));
            }
            return record;
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new RefusedArgument(Text.of("training.store.run-json-unreadable", String.valueOf(dir.getFileName()),
                    RunProblems.text(e)), e);
        }
    }

    /** Loads the saved network for prediction on the given device. */
    public static TrainedModel load(Path dir, Device device) {
        Path target = recover(dir.toAbsolutePath().normalize());
        RunRecord record = readRecord(target);
        // The run was valid when trained; the server's current caps do not apply to reading it back.
        ValidatedModel spec = ModelValidator.validate(record.spec(), ModelLimits.UNBOUNDED);
        DjlRuntime.engine();
        Model model = Model.newInstance(spec.spec().name() == null ? "model" : spec.spec().name(), device, "PyTorch");
        try {
            model.setBlock(NetworkBuilder.build(spec));
            model.load(target, PARAMS_PREFIX);
            return new TrainedModel(model, spec, record.classNames(), device);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("the saved model in " + dir.getFileName() + " cannot be loaded ("
                    + RunProblems.describe(e) + ")", e);
        }
    }

    /**
     * The run folder as a zip (run.json and the weights), every file under a top folder named
     * {@code id}; unzipped, it is a run folder again ({@code convlab evaluate --model FOLDER}).
     */
    public static void writeZip(String id, Path dir, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(id + "/" + dir.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** If a crash hit between "old aside" and "new in place", put the old run back. */
    private static Path recover(Path target) {
        if (Files.exists(target) || target.getParent() == null) {
            return target;
        }
        String prefix = "." + target.getFileName() + ".old-";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            Path old = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            if (old != null) {
                move(old, target);
            }
        } catch (IOException e) {
            // Nothing to recover; the caller reports the missing folder.
        }
        return target;
    }

    /** Moves a finished folder into place, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            OwnFolder.delete(dir);
        } catch (IOException ignored) {
            // best effort: a leftover hidden temp folder is harmless
        }
    }
}
