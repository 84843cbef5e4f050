package org.convlab.training.engine;

import org.convlab.i18n.Text;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.convlab.model.ModelLimits;

/**
 * A run zip (as {@link RunStore#writeZip} makes it) read back into a new run folder: the way a run
 * downloaded on one ConvLab comes back on another. Everything in the upload is hostile until proven
 * otherwise: the zip is read from its central directory with hard caps (upload size, entries, sizes,
 * expansion), only {@code run.json} and one {@code model-NNNN.params} are accepted, run.json is read
 * by the strict rules every spec passes and checked value by value, and the weights must load into
 * the spec's network with exactly the spec's shapes. Only then does a new folder appear, in one
 * rename, under a fresh id; on any refusal nothing is left behind.
 */
public final class RunImport {

    /** Hard caps on what an upload may be; {@link #DEFAULT} fits the largest model the server trains. */
    public record Limits(long maxUploadBytes, long maxTotalBytes, int maxEntries, long maxEntryBytes,
            long maxRunJsonBytes, int maxRatio) {
        /** 5 million parameters are 20 MB of weights; run.json is a few KB to a few hundred. */
        public static final Limits DEFAULT = new Limits(40L << 20, 48L << 20, 4, 40L << 20, 4L << 20, 100);
    }

    /** What the upload must fit: the data set's image shape and classes, and its name for the refusal. */
    public record Dataset(int channels, int height, int width, List<String> classNames, String name) {
        public static final Dataset FASHION_MNIST = new Dataset(1, 28, 28, List.of(
                "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"), "Fashion-MNIST");

        public Dataset(int channels, int height, int width, List<String> classNames) {
            this(channels, height, width, classNames, "this server's data set");
        }
    }

    /**
     * The data set an uploaded run names ({@code hyperparameters.dataset}, null for the default) as
     * this server has it for the uploader; throws {@link RefusedException} (see {@link #notHere})
     * for a set the uploader cannot use here.
     */
    @FunctionalInterface
    public interface Datasets {
        Dataset forKey(String key);
    }

    /** The refusal for a run trained on a data set this server does not have (for this uploader), saying what it was. */
    public static RefusedException notHere(String what) {
        return new RefusedException(Text.of("training.import.dataset-not-here", what.replaceAll("\\p{Cntrl}", "?")));
    }

    /** An upload refused: the message is one line in the learner's words, with no server path. */
    public static final class RefusedException extends IllegalArgumentException {

        private final transient Text text;

        /** A refusal whose line is not (yet) in the bundle: shown as it is in every language. */
        public RefusedException(String message) {
            this(Text.of("training.refused.as-is", message));
        }

        RefusedException(String message, Throwable cause) {
            this(Text.of("training.refused.as-is", message), cause);
        }

        public RefusedException(Text text) {
            super(text.toString());
            this.text = text;
        }

        RefusedException(Text text, Throwable cause) {
            super(text.toString(), cause);
            this.text = text;
        }

        /** The refusal's words, to be written in the reader's language. */
        public Text text() {
            return text;
        }
    }

    /** The new run folder and its record. */
    public record Imported(String id, Path dir, RunRecord record) {}

    private static final Pattern PARAMS = Pattern.compile(RunStore.PARAMS_PREFIX + "-\\d{4}\\.params");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int COPY_BUFFER = 64 * 1024;

    private RunImport() {}

    /**
     * Reads {@code upload} (closed by the caller) into {@code runsDir/id}. Throws
     * {@link RefusedException} with one clear line for anything that is not a ConvLab run that fits
     * {@code dataset} and {@code limits}; {@link IOException} only for the server's own disk.
     */
    public static Imported read(InputStream upload, Path runsDir, String id, Dataset dataset, ModelLimits limits,
            Limits caps) throws IOException {
        return read(upload, runsDir, id, key -> dataset, limits, caps);
    }

    /** As above, for the data set the run names, found by {@code datasets}. */
    public static Imported read(InputStream upload, Path runsDir, String id, Datasets datasets, ModelLimits limits,
            Limits caps) throws IOException {
        if (!id.equals(RunStore.folderName(id))) {
            throw new IllegalArgumentException("not a run id: " + id);
        }
        Path root = runsDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        Path target = root.resolve(id);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("run folder " + id + " already exists");
        }
        String token = UUID.randomUUID().toString().substring(0, 8);
        Path zipFile = root.resolve(".upload-" + token + ".zip");
        Path temp = root.resolve(".upload-" + token);
        try {
            copyBounded(upload, zipFile, caps.maxUploadBytes());
            Files.createDirectory(temp);
            String paramsName = extract(zipFile, temp, caps);
            UploadedRecord.Checked checked = UploadedRecord.check(temp.resolve("run.json"), datasets, limits);
            RunRecord record = checked.record();
            checkWeights(temp, record, checked.dataset());
            // Written again in ConvLab's own form: what is stored is what was checked, nothing more.
            Files.writeString(temp.resolve("run.json"), OwnJson.INDENTED.writeValueAsString(record));
            RunStore.move(temp, target);
            return new Imported(id, target, record);
        } finally {
            deleteQuietly(temp);
            Files.deleteIfExists(zipFile);
        }
    }

    /** Removes an imported folder again (its database row could not be written). */
    public static void discard(Imported imported) {
        deleteQuietly(imported.dir());
    }

    private static void copyBounded(InputStream in, Path file, long max) throws IOException {
        long total = 0;
        byte[] buffer = new byte[COPY_BUFFER];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new RefusedException(Text.of("training.import.too-large", size(max)));
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new RefusedException(Text.of("training.import.empty"));
        }
    }

    /** Checks every entry before reading any, then extracts the two files; returns the weights' name. */
    private static String extract(Path zipFile, Path temp, Limits caps) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(zipFile)) {
            if (in.readNBytes(magic, 0, 4) < 4 || magic[0] != 'P' || magic[1] != 'K'
                    || !((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6))) {
                throw new RefusedException(Text.of("training.import.not-zip"));
            }
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(zipFile).setUseUnicodeExtraFields(false).get();
        } catch (IOException | RuntimeException e) {
            throw new RefusedException(Text.of("training.import.damaged", oneLine(e)), e);
        }
        try (zip) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            if (entries.size() > caps.maxEntries()) {
                throw new RefusedException(Text.of("training.import.too-many-entries", String.valueOf(entries.size())));
            }
            for (ZipArchiveEntry entry : entries) {
                checkName(entry.getName());
            }
            String top = topFolder(entries);
            Set<String> seen = new HashSet<>();
            ZipArchiveEntry runJson = null;
            ZipArchiveEntry params = null;
            long declared = 0;
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName();
                if (!seen.add(name)) {
                    throw new RefusedException(Text.of("training.import.twice", shown(name)));
                }
                if (entry.isUnixSymlink()) {
                    throw new RefusedException(Text.of("training.import.link", shown(name)));
                }
                String inner = top == null ? name : name.substring(top.length());
                if (entry.isDirectory() || name.endsWith("/")) {
                    if (inner.isEmpty()) {
                        continue;  // the run's own top folder, as a zip tool may list it
                    }
                    throw new RefusedException(Text.of("training.import.folder", shown(name)));
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new RefusedException(Text.of("training.import.encrypted", shown(name)));
                }
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                if (size > caps.maxEntryBytes() || (inner.equals("run.json") && size > caps.maxRunJsonBytes())) {
                    throw new RefusedException(Text.of("training.import.entry-too-large", shown(name)));
                }
                if (size > 1 << 20 && packed >= 0 && size > packed * caps.maxRatio()) {
                    throw new RefusedException(Text.of("training.import.ratio", shown(name), String.valueOf(caps.maxRatio())));
                }
                declared += Math.max(size, 0);
                if (inner.equals("run.json")) {
                    runJson = entry;
                } else if (PARAMS.matcher(inner).matches() && params == null) {
                    params = entry;
                } else {
                    throw new RefusedException(Text.of("training.import.stranger", shown(name)));
                }
            }
            if (declared > caps.maxTotalBytes()) {
                throw new RefusedException(Text.of("training.import.total-too-large", size(caps.maxTotalBytes())));
            }
            if (runJson == null) {
                throw new RefusedException(Text.of("training.import.no-run-json"));
            }
            if (params == null) {
                throw new RefusedException(Text.of("training.import.no-weights"));
            }
            long[] budget = {caps.maxTotalBytes()};
            unpack(zip, runJson, temp.resolve("run.json"), caps.maxRunJsonBytes(), budget);
            String paramsName = params.getName().substring(top == null ? 0 : top.length());
            unpack(zip, params, temp.resolve(paramsName), caps.maxEntryBytes(), budget);
            return paramsName;
        }
    }

    /** The one folder every entry sits in ("id/"), or null when the files are at the top. */
    private static String topFolder(List<ZipArchiveEntry> entries) {
        Set<String> firsts = new HashSet<>();
        boolean atTop = false;
        for (ZipArchiveEntry e : entries) {
            int slash = e.getName().indexOf('/');
            if (slash < 0) {
                atTop = true;
            } else {
                firsts.add(e.getName().substring(0, slash + 1));
            }
        }
        if (firsts.isEmpty()) {
            return null;
        }
        if (atTop || firsts.size() > 1) {
            throw new RefusedException(Text.of("training.import.not-one-folder"));
        }
        return firsts.iterator().next();
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > 300) {
            throw new RefusedException(Text.of("training.import.bad-name"));
        }
        if (name.indexOf('\\') >= 0 || name.startsWith("/") || DRIVE.matcher(name).matches()
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new RefusedException(Text.of("training.import.outside", shown(name)));
        }
        String[] parts = name.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean lastOfFolder = i == parts.length - 1 && name.endsWith("/");
            if (part.equals("..") || part.equals(".") || (part.isEmpty() && !lastOfFolder)) {
                throw new RefusedException(Text.of("training.import.outside", shown(name)));
            }
        }
        if (parts.length > 3) {
            throw new RefusedException(Text.of("training.import.too-deep", shown(name)));
        }
    }

    /** Copies one entry, counting the bytes actually inflated (never trusting the declared sizes). */
    private static void unpack(ZipFile zip, ZipArchiveEntry entry, Path to, long max, long[] budget) throws IOException {
        long written = 0;
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                budget[0] -= n;
                if (written > max || budget[0] < 0) {
                    throw new RefusedException(Text.of("training.import.bomb", shown(entry.getName())));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedException r) {
                throw r;
            }
            if (Files.exists(to.getParent()) && e instanceof java.nio.file.FileSystemException) {
                throw (IOException) e;  // the server's disk, not the upload
            }
            throw new RefusedException(Text.of("training.import.entry-damaged", shown(entry.getName()), oneLine(e)), e);
        }
        if (entry.getSize() >= 0 && written != entry.getSize()) {
            throw new RefusedException(Text.of("training.import.entry-size", shown(entry.getName())));
        }
    }

    /** The weights load into the spec's network with exactly its shapes, and predict finite probabilities. */
    private static void checkWeights(Path dir, RunRecord record, Dataset dataset) {
        TrainedModel model;
        try {
            model = RunStore.load(dir, Device.cpu());
        } catch (RuntimeException e) {
            throw new RefusedException(Text.of("training.import.weights-misfit", oneLine(e.getCause() == null ? e
                    : e.getCause())), e);
        }
        try (model; NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SequentialBlock expected = NetworkBuilder.build(model.spec());
            expected.initialize(manager, DataType.FLOAT32,
                    new Shape(1, dataset.channels(), dataset.height(), dataset.width()));
            List<Pair<String, Parameter>> want = expected.getParameters().stream().toList();
            List<Pair<String, Parameter>> got = model.block().getParameters().stream().toList();
            if (want.size() != got.size()) {
                throw new RefusedException(Text.of("training.import.weights-count", String.valueOf(got.size()),
                        String.valueOf(want.size())));
            }
            for (int i = 0; i < want.size(); i++) {
                Parameter w = want.get(i).getValue();
                Parameter g = got.get(i).getValue();
                if (!g.isInitialized()) {
                    throw new RefusedException(Text.of("training.import.weights-missing", String.valueOf(i + 1),
                            String.valueOf(want.size())));
                }
                if (!w.getArray().getShape().equals(g.getArray().getShape())) {
                    throw new RefusedException(Text.of("training.import.weights-shape", String.valueOf(i + 1),
                            String.valueOf(want.size()), String.valueOf(w.getArray().getShape()),
                            String.valueOf(g.getArray().getShape())));
                }
            }
            float[][] p = model.probabilities(new float[dataset.channels() * dataset.height() * dataset.width()], 1);
            for (float v : p[0]) {
                if (!Float.isFinite(v)) {
                    throw new RefusedException(Text.of("training.import.weights-nan"));
                }
            }
        } catch (RefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RefusedException(Text.of("training.import.weights-misfit", oneLine(e)), e);
        }
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes >= 1024 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }

    private static String oneLine(Throwable e) {
        if (e instanceof java.io.EOFException) {
            return "the file ends too early";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").replaceAll("(/[^\\s/]+)+/?", "…");
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }

    /** A name from the upload, shown safely: printable and short. */
    static String shown(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                OwnFolder.delete(dir);
            }
        } catch (IOException ignored) {
            // best effort: a leftover hidden temp folder is harmless and never read as a run
        }
    }
}
