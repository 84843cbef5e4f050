package org.convlab.dataset;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.convlab.i18n.Text;

/**
 * Reads the IDX format of MNIST and its relatives, gzipped or plain (told apart by the gzip magic
 * bytes, not the file name). Every defect becomes a {@link DatasetException} naming the file and
 * what is wrong with it.
 *
 * <p>An IDX file starts with a 4-byte magic number: two zero bytes, a type code (0x08 = unsigned
 * byte, the only type these data sets use) and the number of dimensions; then one big-endian int per
 * dimension; then the values.
 *
 * <p>The file is streamed, never read whole: the header is checked against {@link IdxLimits} and,
 * for a plain file, against the file's size before anything is allocated; a gzipped file is
 * inflated into a buffer that grows with the data actually there and stops one byte past what the
 * header claims, so neither a header that lies nor a "gzip bomb" (a small file that inflates to
 * gigabytes) can exhaust the memory.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    /** A gzipped file's buffer starts this big and doubles as data arrives. */
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {}

    /** Reads an image file within the default limits: dimensions (count, rows, cols). */
    public static IdxImages readImages(Path file) {
        return readImages(file, IdxLimits.DEFAULT);
    }

    /**
     * Reads an image file: dimensions (count, rows, cols) for grayscale, or (count, channels, rows,
     * cols) for colour, each image's channels one plane after the other (the order DJL's NCHW
     * tensors want, so a batch is a plain copy). Only 1 or 3 channels are images ConvLab can show.
     */
    public static IdxImages readImages(Path file, IdxLimits limits) {
        Parsed parsed = parse(file, IMAGE_DIMS, Text.of("dataset.file.image-dims"), limits);
        int[] dims = parsed.dims();
        if (dims.length == 3) {
            return new IdxImages(dims[0], 1, dims[1], dims[2], parsed.values());
        }
        return new IdxImages(dims[0], dims[1], dims[2], dims[3], parsed.values());
    }

    private static final int[] IMAGE_DIMS = {3, 4};

    /** Reads a label file within the default limits. */
    public static byte[] readLabels(Path file, int classes) {
        return readLabels(file, classes, IdxLimits.DEFAULT);
    }

    /** Reads a label file (dimension: count) and checks every label lies in 0..classes-1. */
    public static byte[] readLabels(Path file, int classes, IdxLimits limits) {
        Parsed parsed = parse(file, new int[] {1}, Text.of("dataset.file.label-dims"), limits);
        byte[] labels = parsed.values();
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new DatasetException(file, Text.of("dataset.file.label-outside", String.valueOf(label),
                        String.valueOf(i), String.valueOf(classes - 1), String.valueOf(classes)));
            }
        }
        return labels;
    }

    /** The pixels of an image file with the dimensions its header declared (channels 1 for a 3-D file). */
    public record IdxImages(int count, int channels, int rows, int cols, byte[] pixels) {}

    private record Parsed(int[] dims, byte[] values) {}

    private static Parsed parse(Path file, int[] expectedDims, Text dimsHint, IdxLimits limits) {
        long size = regularFileSize(file);
        if (size == 0) {
            throw new DatasetException(file, Text.of("dataset.file.empty"));
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean gzip = isGzip(raw);
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            int[] dims = header(file, in, expectedDims, dimsHint, size);
            long values = claimedValues(file, dims, limits);
            int headerBytes = 4 + 4 * dims.length;
            if (!gzip && size - headerBytes != values) {
                throw sizeMismatch(file, dims, values, size - headerBytes);
            }
            byte[] data = readUpTo(file, in, dims, values, gzip);
            if (in.read() != -1) {
                throw new DatasetException(file, Text.of("dataset.file.more-data", describe(dims, values)));
            }
            return new Parsed(dims, data);
        } catch (EOFException e) {
            throw new DatasetException(file, Text.of("dataset.file.truncated-gzip"));
        } catch (ZipException e) {
            throw new DatasetException(file, Text.of("dataset.file.corrupt-gzip", String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new DatasetException(file, DatasetException.readProblem(e));
        }
    }

    /** The file's size, after making sure it is a file at all. */
    private static long regularFileSize(Path file) {
        if (Files.isDirectory(file)) {
            throw new DatasetException(file, Text.of("dataset.file.folder"));
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            throw new DatasetException(file, Text.of("dataset.file.not-found"));
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Text.of(Files.exists(file) ? "dataset.file.not-regular" : "dataset.file.dangling-link"));
        }
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, Text.of("dataset.file.not-found"));
        } catch (IOException e) {
            throw new DatasetException(file, DatasetException.readProblem(e));
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1F && second == 0x8B;
    }

    private static int[] header(Path file, InputStream in, int[] expectedDims, Text dimsHint, long size)
            throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new DatasetException(file, Text.of("dataset.file.too-short", String.valueOf(head.length)));
        }
        int magic = ByteBuffer.wrap(head).getInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
            throw new DatasetException(file, Text.of("dataset.file.magic", HexFormat.of().toHexDigits(magic),
                    "0000080" + expectedDims[0]));
        }
        int dimCount = magic & 0xFF;
        if (Arrays.stream(expectedDims).noneMatch(d -> d == dimCount)) {
            throw new DatasetException(file, Text.count("dataset.file.dim-count", dimCount, dimsHint));
        }
        byte[] dimBytes = in.readNBytes(4 * dimCount);
        if (dimBytes.length < 4 * dimCount) {
            throw new DatasetException(file, Text.of("dataset.file.truncated-header"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(dimBytes);
        int[] dims = new int[dimCount];
        for (int i = 0; i < dimCount; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] <= 0) {
                throw new DatasetException(file, Text.of(dims[i] < 0 ? "dataset.file.dim-negative" : "dataset.file.dim-zero",
                        String.valueOf(i + 1), String.valueOf(dims[i])));
            }
        }
        return dims;
    }

    /** Checks what the header claims against the limits, before anything is allocated. */
    private static long claimedValues(Path file, int[] dims, IdxLimits limits) {
        if (dims[0] > limits.maxItems()) {
            throw new DatasetException(file, Text.of(dims.length == 1 ? "dataset.file.too-many-labels"
                    : "dataset.file.too-many-images", (long) dims[0], (long) limits.maxItems()));
        }
        int rows = dims.length >= 3 ? dims[dims.length - 2] : 0;
        int cols = dims.length >= 3 ? dims[dims.length - 1] : 0;
        if (rows > limits.maxSide() || cols > limits.maxSide()) {
            throw new DatasetException(file, Text.of("dataset.file.too-large-images", String.valueOf(rows),
                    String.valueOf(cols), String.valueOf(limits.maxSide())));
        }
        if (dims.length == 4 && dims[1] != 1 && dims[1] != 3) {
            throw new DatasetException(file, Text.of("dataset.file.channels", String.valueOf(dims[1])));
        }
        long values = 1;
        for (int d : dims) {
            values *= d; // at most 1e6 × 3 × 64 × 64 after the checks above: no overflow
        }
        if (values > limits.maxBytes()) {
            throw new DatasetException(file, Text.of("dataset.file.too-many-bytes", describe(dims, values),
                    limits.describeMaxBytes(), IdxLimits.HOW_TO_RAISE));
        }
        return values;
    }

    /**
     * Reads the values the header claims. A plain file's size was checked, so its array is made at
     * once; a gzipped file's grows with what actually inflates, so a file that claims more than it
     * holds costs only what it holds.
     */
    private static byte[] readUpTo(Path file, InputStream in, int[] dims, long values, boolean gzip)
            throws IOException {
        byte[] buffer = new byte[(int) (gzip ? Math.min(values, FIRST_CHUNK) : values)];
        int filled = 0;
        while (filled < values) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(values, 2L * buffer.length));
            }
            int n;
            try {
                n = in.read(buffer, filled, buffer.length - filled);
            } catch (EOFException e) {
                throw new DatasetException(file, Text.of("dataset.file.truncated-after", (long) filled, describe(dims, values)));
            }
            if (n < 0) {
                throw sizeMismatch(file, dims, values, filled);
            }
            filled += n;
        }
        return buffer;
    }

    private static DatasetException sizeMismatch(Path file, int[] dims, long values, long present) {
        if (present < values) {
            return new DatasetException(file, Text.of("dataset.file.truncated-claims", describe(dims, values), present));
        }
        return new DatasetException(file, Text.of("dataset.file.unexpected-bytes", present - values, describe(dims, values)));
    }

    /** "3 images of 28×28 pixels (2,352 bytes)" or "3 labels (3 bytes)". */
    private static Text describe(int[] dims, long values) {
        if (dims.length == 3) {
            return Text.of("dataset.file.describe-gray", (long) dims[0], String.valueOf(dims[1]), String.valueOf(dims[2]), values);
        }
        if (dims.length == 4) {
            return Text.of("dataset.file.describe-colour", (long) dims[0], String.valueOf(dims[2]),
                    String.valueOf(dims[3]), String.valueOf(dims[1]), values);
        }
        return Text.of("dataset.file.describe-labels", (long) dims[0], values);
    }
}
