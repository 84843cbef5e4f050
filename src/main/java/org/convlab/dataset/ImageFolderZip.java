package org.convlab.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * A data set as a zip in the image-folder form: {@code train/<class>/<n>.png} and {@code
 * test/<class>/<n>.png}, what PyTorch's {@code ImageFolder}, Keras' {@code
 * image_dataset_from_directory} and ConvLab's own importer read. Grayscale images become 8-bit gray
 * PNGs, colour ones 8-bit RGB PNGs, so every pixel value comes back exactly. {@code <n>} is the
 * image's place in its split, zero-padded so that name order is the set's order.
 *
 * <p>Streamed: one image is turned into a PNG at a time and written straight to the output, so a
 * 60,000-image set needs no more memory than one image. PNGs are already compressed, so entries are
 * stored, not deflated again.
 *
 * <p>Class folders keep the class names where a file system allows them; see {@link #folderNames}.
 * Those tools number classes in the sorted order of the folder names, which is ConvLab's order for
 * imported sets (its importer sorts the same way) but may differ for a set whose classes were named
 * in another order.
 */
public final class ImageFolderZip {

    /** Characters no file system (Windows' is the strictest) takes in a name, and control characters. */
    private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
    /** Names Windows reserves for devices, with or without an extension. */
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    /** File names are at most 255 bytes on common file systems; class names are at most 100 characters anyway. */
    private static final int MAX_NAME = 100;

    private ImageFolderZip() {}

    /** Writes the whole set to {@code out}, leaving {@code out} open (the caller owns it). */
    public static void write(Dataset dataset, OutputStream out) throws IOException {
        List<String> folders = folderNames(dataset.classNames());
        ZipOutputStream zip = new ZipOutputStream(out);
        ByteArrayOutputStream png = new ByteArrayOutputStream(8 * 1024);
        for (Split split : Split.values()) {
            String top = split == Split.TRAIN ? "train/" : "test/";
            for (String folder : folders) {
                // Every class folder, even an empty one, so both splits list the same classes.
                zip.putNextEntry(stored(top + folder + "/", new byte[0]));
                zip.closeEntry();
            }
            LabeledImages images = dataset.split(split);
            int width = Math.max(5, String.valueOf(Math.max(0, images.size() - 1)).length());
            BufferedImage image = blank(images);
            for (int i = 0; i < images.size(); i++) {
                fill(image.getRaster(), images, i);
                png.reset();
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("no PNG writer in this Java");
                }
                String name = top + folders.get(images.label(i)) + "/" + zeroPadded(i, width) + ".png";
                byte[] bytes = png.toByteArray();
                zip.putNextEntry(stored(name, bytes));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    /**
     * One folder name per class, in the classes' order, that every common file system takes and
     * that the image-folder readers see as a class: Unicode composed (NFC) as macOS and Linux
     * otherwise disagree; {@code / \ : * ? " < > |} and control characters become {@code _}; a
     * leading dot (a hidden folder, skipped by readers), {@code __MACOSX} and the like get a {@code
     * _} in front; trailing dots and spaces (dropped by Windows) become {@code _}; Windows device
     * names (CON, NUL, COM1…, with or without an extension) get a {@code _} in front; a blank name becomes {@code class-<label>}; and
     * names that clash, ignoring case (as Windows and macOS do), get {@code -2}, {@code -3}… after.
     */
    public static List<String> folderNames(List<String> classNames) {
        List<String> names = new ArrayList<>(classNames.size());
        Set<String> taken = new HashSet<>();
        for (int label = 0; label < classNames.size(); label++) {
            String name = safe(classNames.get(label), label);
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "-" + n;
            }
            names.add(unique);
        }
        return List.copyOf(names);
    }

    private static String safe(String className, int label) {
        String name = Normalizer.normalize(className == null ? "" : className, Normalizer.Form.NFC).strip();
        name = UNSAFE.matcher(name).replaceAll("_");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        if (name.isBlank()) {
            return "class-" + label;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || lower.equals("__macosx") || lower.equals("thumbs.db") || lower.equals("desktop.ini")) {
            name = "_" + name;
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            name = name.substring(0, name.length() - 1) + "_";
        }
        if (RESERVED.matcher(name).matches()) {
            name = "_" + name;
        }
        return name;
    }

    /** The download's file name: the set's name made safe, "my-shapes.zip". */
    public static String fileName(String datasetName) {
        String plain = Normalizer.normalize(datasetName == null ? "" : datasetName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > 40) {
            plain = plain.substring(0, 40).replaceAll("-+$", "");
        }
        return (plain.isEmpty() ? "dataset" : plain) + ".zip";
    }

    private static BufferedImage blank(LabeledImages images) {
        return new BufferedImage(images.cols(), images.rows(),
                images.colour() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
    }

    /** Copies one image's planes into the raster's bands (gray; or red, green, blue). */
    private static void fill(WritableRaster raster, LabeledImages images, int index) {
        byte[] pixels = images.pixels();
        int rows = images.rows();
        int cols = images.cols();
        int offset = index * images.pixelsPerImage();
        for (int ch = 0; ch < images.channels(); ch++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    raster.setSample(c, r, ch, pixels[offset + (ch * rows + r) * cols + c] & 0xFF);
                }
            }
        }
    }

    private static ZipEntry stored(String name, byte[] bytes) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static String zeroPadded(int n, int width) {
        String digits = Integer.toString(n);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
