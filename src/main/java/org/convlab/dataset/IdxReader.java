package org.convlab.dataset;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and its relatives, gzipped or plain (told apart by the gzip magic
 * bytes, not the file name). Every defect becomes a {@link DatasetException} naming the file and
 * what is wrong with it.
 *
 * <p>An IDX file starts with a 4-byte magic number: two zero bytes, a type code (0x08 = unsigned
 * byte, the only type these data sets use) and the number of dimensions; then one big-endian int per
 * dimension; then the values.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    /** A sanity cap so a corrupt header cannot ask for gigabytes. */
    private static final long MAX_VALUES = 500_000_000L;

    private IdxReader() {}

    /** Reads an image file: dimensions (count, rows, cols). */
    public static IdxImages readImages(Path file) {
        Parsed parsed = parse(file, 3, "an image file needs 3 (count, rows, columns)");
        int[] dims = parsed.dims();
        return new IdxImages(dims[0], dims[1], dims[2], parsed.values());
    }

    /** Reads a label file (dimension: count) and checks every label lies in 0..classes-1. */
    public static byte[] readLabels(Path file, int classes) {
        Parsed parsed = parse(file, 1, "a label file needs 1 (count)");
        byte[] labels = parsed.values();
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new DatasetException(file, "label " + label + " at position " + i
                        + " is outside 0–" + (classes - 1) + " (the data set has " + classes + " classes)");
            }
        }
        return labels;
    }

    /** The pixels of an image file with the dimensions its header declared. */
    public record IdxImages(int count, int rows, int cols, byte[] pixels) {}

    private record Parsed(int[] dims, byte[] values) {}

    private static Parsed parse(Path file, int expectedDims, String dimsHint) {
        ByteBuffer in = ByteBuffer.wrap(contents(file));
        if (in.remaining() < 4) {
            throw new DatasetException(file, "file is too short to be an IDX file (" + in.remaining() + " bytes)");
        }
        int magic = in.getInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
            throw new DatasetException(file, "not an IDX file of unsigned bytes (magic number 0x"
                    + HexFormat.of().toHexDigits(magic) + ", expected 0x0000080" + expectedDims + ")");
        }
        int dimCount = magic & 0xFF;
        if (dimCount != expectedDims) {
            throw new DatasetException(file, "wrong dimensions: the file has " + dimCount
                    + (dimCount == 1 ? " dimension; " : " dimensions; ") + dimsHint);
        }
        if (in.remaining() < 4 * dimCount) {
            throw new DatasetException(file, "file is truncated inside its header");
        }
        int[] dims = new int[dimCount];
        long values = 1;
        for (int i = 0; i < dimCount; i++) {
            dims[i] = in.getInt();
            if (dims[i] <= 0) {
                throw new DatasetException(file, "wrong dimensions: dimension " + (i + 1) + " is " + dims[i]);
            }
            values *= dims[i];
            if (values > MAX_VALUES) {
                throw new DatasetException(file, "wrong dimensions: the header declares more than "
                        + MAX_VALUES + " values");
            }
        }
        if (in.remaining() < values) {
            throw new DatasetException(file, "file is truncated: its header promises " + values
                    + " values but only " + in.remaining() + " follow");
        }
        if (in.remaining() > values) {
            throw new DatasetException(file, "file has " + (in.remaining() - values)
                    + " unexpected bytes after the " + values + " values its header declares");
        }
        byte[] data = new byte[(int) values];
        in.get(data);
        return new Parsed(dims, data);
    }

    private static byte[] contents(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "file not found");
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be read: " + e.getMessage());
        }
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
                return gz.readAllBytes();
            } catch (EOFException e) {
                throw new DatasetException(file, "file is truncated: the compressed data ends early");
            } catch (ZipException e) {
                throw new DatasetException(file, "the compressed data is corrupt (" + e.getMessage() + ")");
            } catch (IOException e) {
                throw new DatasetException(file, "cannot be decompressed: " + e.getMessage());
            }
        }
        return raw;
    }
}
