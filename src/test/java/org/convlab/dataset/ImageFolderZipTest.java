package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set written as image folders and read back: the entries ImageFolder and Keras expect, as
 * many per class as the set has, and every pixel of every image exactly as it was.
 */
class ImageFolderZipTest {

    @TempDir
    Path dir;

    /** Every file entry of a zip, by name, with its bytes; folder entries are listed with null. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e.isDirectory() ? null : in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zipOf(Dataset set) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageFolderZip.write(set, out);
        return out.toByteArray();
    }

    @Test
    void aColourSetComesBackAsRgbPngsWithEveryPixelExact() throws IOException {
        Dataset set = DatasetLoader.load(TinyColourSet.write(dir.resolve("colour")));
        Map<String, byte[]> entries = unzip(zipOf(set));

        assertThat(entries.keySet()).containsExactly(
                "train/red/", "train/green/",
                "train/red/00000.png", "train/green/00001.png", "train/red/00002.png", "train/green/00003.png",
                "test/red/", "test/green/",
                "test/green/00000.png", "test/red/00001.png");
        for (Split split : Split.values()) {
            LabeledImages images = set.split(split);
            for (int i = 0; i < images.size(); i++) {
                String name = (split == Split.TRAIN ? "train/" : "test/") + set.className(images.label(i))
                        + String.format(Locale.ROOT, "/%05d.png", i);
                BufferedImage png = ImageIO.read(new ByteArrayInputStream(entries.get(name)));
                assertThat(png.getColorModel().getNumColorComponents()).as("RGB, not gray").isEqualTo(3);
                assertThat(png.getColorModel().hasAlpha()).isFalse();
                assertThat(png.getWidth()).isEqualTo(32);
                assertThat(png.getHeight()).isEqualTo(32);
                for (int ch = 0; ch < 3; ch++) {
                    for (int r = 0; r < 32; r++) {
                        for (int c = 0; c < 32; c++) {
                            assertThat(png.getRaster().getSample(c, r, ch)).isEqualTo(images.pixel(i, ch, r, c));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aGrayscaleSetComesBackAsGrayPngsCountedPerClass() throws IOException {
        Dataset set = DatasetLoader.load(IdxFiles.tinyDataset(java.nio.file.Files.createDirectories(dir.resolve("gray")),
                true));
        Map<String, byte[]> entries = unzip(zipOf(set));

        Map<String, Integer> perFolder = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            if (bytes != null) {
                perFolder.merge(name.substring(0, name.lastIndexOf('/')), 1, Integer::sum);
            }
        });
        // Training labels 0, 1, 2, 1; test labels 2, 0.
        assertThat(perFolder).containsExactlyInAnyOrderEntriesOf(Map.of(
                "train/zero", 1, "train/one", 2, "train/two", 1, "test/two", 1, "test/zero", 1));
        // Every class has its folder in both splits, even with no image in it (test/one).
        assertThat(entries).containsKey("test/one/");
        for (Split split : Split.values()) {
            LabeledImages images = set.split(split);
            for (int i = 0; i < images.size(); i++) {
                String name = (split == Split.TRAIN ? "train/" : "test/") + set.className(images.label(i))
                        + String.format(Locale.ROOT, "/%05d.png", i);
                BufferedImage png = ImageIO.read(new ByteArrayInputStream(entries.get(name)));
                assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
                assertThat(png.getRaster().getNumBands()).isEqualTo(1);
                for (int r = 0; r < 28; r++) {
                    for (int c = 0; c < 28; c++) {
                        assertThat(png.getRaster().getSample(c, r, 0)).isEqualTo(images.pixel(i, r, c));
                    }
                }
            }
        }
    }

    /** Class names no file system takes, or that readers would skip or merge, become folder names that work. */
    @Test
    void classNamesBecomeFolderNamesEveryFileSystemTakes() {
        List<String> hostile = List.of(
                "T-shirt/top", "back\\slash", "a:b*c?d", "\"quoted\" <angle> |pipe|", "tab\there\u0007",
                ".hidden", "..", "__MACOSX", "Thumbs.db", "desktop.ini", "CON", "nul.txt", "com1", "LPT9.png",
                "ends with a dot.", "ends with a space ", "", "   ", "Cat", "cat", "CAT", "x".repeat(150),
                "Cafe\u0301", "Café");
        List<String> folders = ImageFolderZip.folderNames(hostile);

        assertThat(folders).hasSize(hostile.size());
        Pattern unsafe = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
        Pattern reserved = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
        List<String> lower = new ArrayList<>();
        for (String f : folders) {
            assertThat(f).isNotBlank().doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ");
            assertThat(unsafe.matcher(f).find()).as(f).isFalse();
            assertThat(reserved.matcher(f).matches()).as(f).isFalse();
            assertThat(f.length()).isLessThanOrEqualTo(110);
            assertThat(f.toLowerCase(Locale.ROOT)).isNotIn("__macosx", "thumbs.db", "desktop.ini");
            lower.add(f.toLowerCase(Locale.ROOT));
        }
        assertThat(lower).as("no two folders clash, even ignoring case").doesNotHaveDuplicates();
        // Readable where possible, in the classes' order.
        assertThat(folders.get(0)).isEqualTo("T-shirt_top");
        assertThat(folders.get(10)).isEqualTo("_CON");
        assertThat(folders.get(11)).isEqualTo("_nul.txt");
        assertThat(folders.subList(18, 21)).containsExactly("Cat", "cat-2", "CAT-3");
        assertThat(folders.get(16)).isEqualTo("class-16");
        // The decomposed and composed spellings of "Café" are one name on macOS: they get two folders.
        assertThat(folders.get(22)).isEqualTo("Café");
        assertThat(folders.get(23)).isEqualTo("Café-2");
        // Plain names stay as they are.
        assertThat(ImageFolderZip.folderNames(List.of("circle", "Ankle boot", "0"))).containsExactly("circle", "Ankle boot", "0");
    }

    @Test
    void theDownloadIsNamedAfterTheSetSafely() {
        assertThat(ImageFolderZip.fileName("My Shapes")).isEqualTo("my-shapes.zip");
        assertThat(ImageFolderZip.fileName("../../etc/passwd")).isEqualTo("etc-passwd.zip");
        assertThat(ImageFolderZip.fileName("\u0000\r\n")).isEqualTo("dataset.zip");
        assertThat(ImageFolderZip.fileName("Ünïcödé")).isEqualTo("unicode.zip");
        assertThat(ImageFolderZip.fileName("y".repeat(300))).hasSize(44);
    }

    /** Each split's images as "class: bytes", sorted: what a round trip must keep, whatever the order. */
    private static Map<Split, List<String>> contents(Dataset set, List<String> classNames) {
        Map<Split, List<String>> contents = new TreeMap<>();
        for (Split split : Split.values()) {
            LabeledImages images = set.split(split);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                items.add(classNames.get(images.label(i)) + ": " + java.util.Base64.getEncoder().encodeToString(images.image(i)));
            }
            items.sort(null);
            contents.put(split, items);
        }
        return contents;
    }

    private static Dataset roundTrip(Dataset set, Path dir) throws IOException {
        Path zip = dir.resolve("download-" + set.train().channels() + ".zip");
        try (var out = java.nio.file.Files.newOutputStream(zip)) {
            ImageFolderZip.write(set, out);
        }
        Path target = dir.resolve("imported-" + set.train().channels());
        ImageFolderImport.fromZip(zip, target, new ImageFolderImport.Options(set.name(), set.train().rows(),
                set.train().colour()), ImageFolderImport.Limits.DEFAULT, ImageFolderImport.Progress.NONE);
        return DatasetLoader.load(target);
    }

    /** A downloaded colour set imported again is the same set: classes, splits and every pixel (the order may differ). */
    @Test
    void aDownloadedColourSetImportsBackAsTheSameImages() throws IOException {
        Dataset colour = DatasetLoader.load(TinyColourSet.write(dir.resolve("colour")));
        Dataset back = roundTrip(colour, dir);

        assertThat(back.train().channels()).isEqualTo(3);
        assertThat(back.train().rows()).isEqualTo(32);
        assertThat(back.classNames()).containsExactlyInAnyOrderElementsOf(colour.classNames());
        assertThat(contents(back, back.classNames())).isEqualTo(contents(colour, colour.classNames()));
    }

    /**
     * A downloaded grayscale set imported again has the same classes (under their folder names) and
     * the same images, pixel for pixel: a picture already the set's size is kept as it is.
     */
    @Test
    void aDownloadedGrayscaleSetImportsBackAsTheSameImages() throws IOException {
        Dataset fashion = new DatasetService(DatasetService.defaultFolder()).dataset();
        Dataset small = new Dataset(fashion.metadata(), firstOfEachClass(fashion.train(), 3), firstOfEachClass(fashion.test(), 2));
        Dataset back = roundTrip(small, dir);

        List<String> folders = ImageFolderZip.folderNames(small.classNames());
        assertThat(folders).contains("T-shirt_top");
        assertThat(back.train().channels()).isEqualTo(1);
        assertThat(back.classNames()).containsExactlyInAnyOrderElementsOf(folders);
        for (Split split : Split.values()) {
            Map<String, Integer> original = new TreeMap<>();
            Map<String, Integer> imported = new TreeMap<>();
            for (int i = 0; i < small.split(split).size(); i++) {
                original.merge(folders.get(small.split(split).label(i)), 1, Integer::sum);
            }
            for (int i = 0; i < back.split(split).size(); i++) {
                imported.merge(back.className(back.split(split).label(i)), 1, Integer::sum);
            }
            assertThat(imported).as(split.label()).isEqualTo(original);
        }
        assertThat(contents(back, back.classNames())).isEqualTo(contents(small, folders));
    }

    /** The first {@code n} images of each class, in their order. */
    private static LabeledImages firstOfEachClass(LabeledImages images, int n) {
        int[] taken = new int[256];
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream labels = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < images.size(); i++) {
            if (taken[images.label(i)]++ < n) {
                pixels.writeBytes(images.image(i));
                labels.write(images.label(i));
            }
        }
        return new LabeledImages(images.rows(), images.cols(), images.channels(), pixels.toByteArray(), labels.toByteArray());
    }
}
