package org.convlab.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzipped IDX file of unsigned bytes (the format {@link IdxReader} reads): the magic number
 * {@code 0x000008NN} (NN = number of dimensions), one big-endian int per dimension, then the values,
 * streamed from an input stream so a data set never has to be held in memory to be written.
 */
final class IdxWriter {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER = 1 << 16;

    private IdxWriter() {}

    /**
     * Writes {@code file} (which must not exist) with the header for {@code dims} and exactly as many
     * values as the dimensions multiply to, read from {@code values}; returns the SHA-256 of the
     * gzipped file as written, for {@code dataset.json}.
     */
    static String write(Path file, int[] dims, InputStream values) throws IOException {
        long expected = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("IDX dimensions are positive, not " + d);
            }
            expected *= d;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (OutputStream fileOut = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
                DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(fileOut, BUFFER), sha);
                GZIPOutputStream gzip = new GZIPOutputStream(digest, BUFFER)) {
            ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
            header.putInt((UNSIGNED_BYTE << 8) | dims.length);
            for (int d : dims) {
                header.putInt(d);
            }
            gzip.write(header.array());
            byte[] buffer = new byte[BUFFER];
            long written = 0;
            while (written < expected) {
                int n = values.read(buffer, 0, (int) Math.min(buffer.length, expected - written));
                if (n < 0) {
                    throw new IOException("the values end after " + written + " of " + expected + " bytes");
                }
                gzip.write(buffer, 0, n);
                written += n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Writes a 1-dimensional file (labels) from an array. */
    static String write(Path file, byte[] values) throws IOException {
        return write(file, new int[] {values.length}, new java.io.ByteArrayInputStream(values));
    }
}
