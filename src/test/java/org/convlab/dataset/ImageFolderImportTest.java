package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.convlab.dataset.ImageFolderImport.ImportCancelled;
import org.convlab.dataset.ImageFolderImport.ImportRefused;
import org.convlab.dataset.ImageFolderImport.Limits;
import org.convlab.dataset.ImageFolderImport.Options;
import org.convlab.dataset.ImageFolderImport.Progress;
import org.convlab.dataset.ImageFolderImport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageFolderImportTest {

    @TempDir
    Path dir;

    // ---- pictures -------------------------------------------------------------------------------

    /** A black picture with a filled rectangle of {@code fill} in the middle (the "item"). */
    static BufferedImage item(int w, int h, int type, Color fill) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(fill);
        g.fillRect(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return image;
    }

    /** A picture filled with one colour. */
    static BufferedImage solid(int w, int h, int type, Color fill) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(fill);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gray PNG (stored values, as Fashion-MNIST exported with PIL is): 0 around, {@code level} in the middle. */
    static byte[] grayPng(int level) {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 10; y < 30; y++) {
            for (int x = 10; x < 30; x++) {
                image.getRaster().setSample(x, y, 0, level);
            }
        }
        return encode(image, "png");
    }

    /** A valid PNG whose header is rewritten to claim {@code side}×{@code side} pixels. */
    static byte[] claimingPng(int side) {
        byte[] png = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png");
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, side).putInt(20, side);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        return png;
    }

    // ---- zips -----------------------------------------------------------------------------------

    /** Entries in order; a null content is a folder entry; a symlink gets Unix mode 0120777. */
    static final class Zip {
        final Map<String, byte[]> entries = new LinkedHashMap<>();
        final Set<String> links = new java.util.HashSet<>();
        final List<String> duplicates = new ArrayList<>();

        Zip add(String name, byte[] content) {
            entries.put(name, content);
            return this;
        }

        Zip folder(String name) {
            entries.put(name, null);
            return this;
        }

        Zip link(String name, String to) {
            links.add(name);
            entries.put(name, to.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Zip twice(String name, byte[] content) {
            duplicates.add(name);
            entries.put(name, content);
            return this;
        }

        Path write(Path file) throws IOException {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    int copies = duplicates.contains(e.getKey()) ? 2 : 1;
                    for (int i = 0; i < copies; i++) {
                        ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                        if (links.contains(e.getKey())) {
                            entry.setUnixMode(0120777);
                        }
                        out.putArchiveEntry(entry);
                        if (e.getValue() != null) {
                            out.write(e.getValue());
                        }
                        out.closeArchiveEntry();
                    }
                }
            }
            return file;
        }
    }

    /** Three classes of five grayscale images; each class's item has its own brightness. */
    static final int[] LEVELS = {60, 140, 250};

    static Zip threeClasses() {
        Zip zip = new Zip();
        String[] names = {"bird", "cat", "Dog"};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 5; i++) {
                zip.add(names[c] + "/" + i + ".png", grayPng(LEVELS[c]));
            }
        }
        return zip;
    }

    static Zip twoClasses() {
        return new Zip().add("cat/1.png", grayPng(100)).add("cat/2.png", grayPng(100))
                .add("dog/1.png", grayPng(200)).add("dog/2.png", grayPng(200));
    }

    static final Options GRAY = new Options("My pets", 28, false);

    Result importZip(Zip zip, Options options, Limits limits) throws IOException {
        return ImageFolderImport.fromZip(zip.write(dir.resolve("upload.zip")), dir.resolve("sets/pets"), options,
                limits, Progress.NONE);
    }

    // ---- good imports ---------------------------------------------------------------------------

    @Test
    void aGrayscaleFolderPerClassBecomesA28DataSetTheLoaderReads() throws IOException {
        Result result = importZip(threeClasses(), GRAY, Limits.DEFAULT);

        assertThat(result.classes()).containsExactly("bird", "cat", "Dog");  // case-insensitive order
        assertThat(result.channels()).isEqualTo(1);
        assertThat(result.splitGiven()).isFalse();
        assertThat(result.trainPerClass()).containsExactly(4, 4, 4);
        assertThat(result.testPerClass()).containsExactly(1, 1, 1);
        assertThat(result.notes()).isEmpty();

        Dataset data = DatasetLoader.load(dir.resolve("sets/pets"));
        assertThat(data.metadata().name()).isEqualTo("My pets");
        assertThat(data.metadata().classes()).containsExactly("bird", "cat", "Dog");
        assertThat(data.metadata().sha256()).hasSize(4);
        assertThat(data.train().size()).isEqualTo(12);
        assertThat(data.test().size()).isEqualTo(3);
        assertThat(data.train().channels()).isEqualTo(1);
        assertThat(data.train().rows()).isEqualTo(28);
        // Every image's label matches its pixels: the trimmed item fills the picture at its class's brightness.
        for (LabeledImages split : List.of(data.train(), data.test())) {
            for (int i = 0; i < split.size(); i++) {
                assertThat(split.pixel(i, 14, 14)).isCloseTo(LEVELS[split.label(i)], org.assertj.core.data.Offset.offset(3));
            }
        }
        assertThat(Files.list(dir.resolve("sets")).map(p -> p.getFileName().toString())).containsExactly("pets");
    }

    @Test
    void aColourImportOf32KeepsTheColoursPlanarAndCentredOnBlack() throws IOException {
        Color[] colours = {new Color(200, 30, 40), new Color(20, 180, 60), new Color(10, 20, 230)};
        Zip zip = new Zip();
        String[] names = {"blue", "green", "red"};
        Color[] byName = {colours[2], colours[1], colours[0]};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 4; i++) {
                zip.add(names[c] + "/" + i + ".png", encode(solid(40, 20, BufferedImage.TYPE_INT_RGB, byName[c]), "png"));
            }
        }
        zip.add("green/gray.jpg", encode(solid(20, 20, BufferedImage.TYPE_BYTE_GRAY, Color.GRAY), "jpeg"));

        Result result = importZip(zip, new Options("Colours", 32, true), Limits.DEFAULT);

        assertThat(result.channels()).isEqualTo(3);
        assertThat(result.size()).isEqualTo(32);
        assertThat(result.notes()).containsExactly("1 image was grayscale and was stored as colour (red = green = blue)");
        Dataset data = DatasetLoader.load(dir.resolve("sets/pets"));
        LabeledImages train = data.train();
        assertThat(train.channels()).isEqualTo(3);
        assertThat(train.rows()).isEqualTo(32);
        assertThat(train.size() + data.test().size()).isEqualTo(13);
        int grays = 0;
        for (int i = 0; i < train.size(); i++) {
            int r = train.pixel(i, 0, 16, 16);
            int g = train.pixel(i, 1, 16, 16);
            int b = train.pixel(i, 2, 16, 16);
            if (r == g && g == b) {
                grays++;
                continue;
            }
            Color want = byName[train.label(i)];
            assertThat(r).isCloseTo(want.getRed(), org.assertj.core.data.Offset.offset(2));
            assertThat(g).isCloseTo(want.getGreen(), org.assertj.core.data.Offset.offset(2));
            assertThat(b).isCloseTo(want.getBlue(), org.assertj.core.data.Offset.offset(2));
            // 40×20 scaled to 32×16 and centred: rows 0–7 stay black.
            assertThat(train.pixel(i, 0, 2, 16) + train.pixel(i, 1, 2, 16) + train.pixel(i, 2, 2, 16)).isZero();
        }
        assertThat(grays).isLessThanOrEqualTo(1);
    }

    @Test
    void colourPicturesInAGrayscaleImportBecomeBrightnessWithANote() throws IOException {
        Zip zip = twoClasses().add("dog/colour.png", encode(item(30, 30, BufferedImage.TYPE_INT_RGB, Color.RED), "png"));
        Result result = importZip(zip, GRAY, Limits.DEFAULT);
        assertThat(result.notes()).containsExactly("1 image was in colour and was stored as grayscale (brightness)");
        assertThat(DatasetLoader.load(dir.resolve("sets/pets")).train().channels()).isEqualTo(1);
    }

    /** A 4-channel (CMYK) JPEG, as print software saves it. */
    static byte[] cmykJpeg() throws IOException {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setSample(x, y, 0, 200);  // cyan
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void aCmykJpegIsConvertedNotRefused() throws IOException {
        Result result = importZip(twoClasses().add("cat/print.jpg", cmykJpeg()), new Options("Print", 32, true),
                Limits.DEFAULT);
        assertThat(result.trainCount() + result.testCount()).isEqualTo(5);
        assertThat(DatasetLoader.load(dir.resolve("sets/pets")).train().channels()).isEqualTo(3);
    }

    @Test
    void aGivenTrainTestSplitIsKept() throws IOException {
        Zip zip = new Zip();
        int[][] counts = {{3, 1}, {4, 2}};
        String[] classes = {"a", "b"};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < counts[c][0]; i++) {
                zip.add("train/" + classes[c] + "/" + i + ".png", grayPng(LEVELS[c]));
            }
            for (int i = 0; i < counts[c][1]; i++) {
                zip.add("test/" + classes[c] + "/" + i + ".png", grayPng(LEVELS[c]));
            }
        }
        Result result = importZip(zip, GRAY, Limits.DEFAULT);
        assertThat(result.splitGiven()).isTrue();
        assertThat(result.trainPerClass()).containsExactly(3, 4);
        assertThat(result.testPerClass()).containsExactly(1, 2);
        Dataset data = DatasetLoader.load(dir.resolve("sets/pets"));
        assertThat(data.train().size()).isEqualTo(7);
        assertThat(data.test().size()).isEqualTo(3);
        for (int i = 0; i < data.test().size(); i++) {
            assertThat(data.test().pixel(i, 14, 14)).isCloseTo(LEVELS[data.test().label(i)],
                    org.assertj.core.data.Offset.offset(3));
        }
    }

    @Test
    void withoutASplitTheTestImagesAreDrawnPerClassAndTheSameSeedDrawsTheSame() throws IOException {
        Zip zip = new Zip();
        for (int i = 0; i < 10; i++) {
            zip.add("a/" + i + ".png", grayPng(10 + 20 * i));  // every image distinct
            zip.add("b/" + i + ".png", grayPng(15 + 20 * i));
        }
        zip.add("c/0.png", grayPng(40));  // a class of one image: it trains, nothing to test
        Path upload = zip.write(dir.resolve("upload.zip"));
        Options seeded = new Options("Seeded", 28, false, 7, 0.3);
        Result first = ImageFolderImport.fromZip(upload, dir.resolve("one"), seeded, Limits.DEFAULT, Progress.NONE);
        Result again = ImageFolderImport.fromZip(upload, dir.resolve("two"), seeded, Limits.DEFAULT, Progress.NONE);
        Result other = ImageFolderImport.fromZip(upload, dir.resolve("three"),
                new Options("Seeded", 28, false, 8, 0.3), Limits.DEFAULT, Progress.NONE);

        assertThat(first.testPerClass()).containsExactly(3, 3, 0);
        assertThat(first.trainPerClass()).containsExactly(7, 7, 1);
        Dataset one = DatasetLoader.load(dir.resolve("one"));
        Dataset two = DatasetLoader.load(dir.resolve("two"));
        Dataset three = DatasetLoader.load(dir.resolve("three"));
        assertThat(two.test().pixels()).isEqualTo(one.test().pixels());
        assertThat(two.train().labels()).isEqualTo(one.train().labels());
        assertThat(three.test().pixels()).isNotEqualTo(one.test().pixels());
        assertThat(other.testPerClass()).containsExactly(3, 3, 0);
    }

    @Test
    void aZippedTopFolderIsLookedThroughAndMacAndWindowsExtrasAreSkipped() throws IOException {
        Zip zip = new Zip().folder("pets/").folder("pets/cat/")
                .add("pets/cat/1.png", grayPng(100)).add("pets/cat/2.png", grayPng(100))
                .add("pets/dog/1.png", grayPng(200)).add("pets/dog/2.png", grayPng(200))
                .add("pets/.DS_Store", new byte[] {0, 0, 0, 1}).add("pets/dog/Thumbs.db", new byte[] {1, 2})
                .add("__MACOSX/pets/cat/._1.png", new byte[] {5, 6, 7}).add("pets/cat/.hidden.txt", new byte[] {1});
        Result result = importZip(zip, GRAY, Limits.DEFAULT);
        assertThat(result.classes()).containsExactly("cat", "dog");
        assertThat(result.trainCount() + result.testCount()).isEqualTo(4);
    }

    @Test
    void aFolderOnDiskImportsLikeAZip() throws IOException {
        Path folder = dir.resolve("photos");
        for (String c : List.of("cat", "dog")) {
            Files.createDirectories(folder.resolve(c));
            for (int i = 0; i < 3; i++) {
                Files.write(folder.resolve(c).resolve(i + ".jpg"), encode(item(50, 30,
                        BufferedImage.TYPE_INT_RGB, c.equals("cat") ? Color.WHITE : Color.GRAY), "jpeg"));
            }
        }
        Files.write(folder.resolve(".DS_Store"), new byte[] {0});
        Result result = ImageFolderImport.fromFolder(folder, dir.resolve("out"), new Options("Disk", 32, false),
                Limits.DEFAULT, Progress.NONE);
        assertThat(result.classes()).containsExactly("cat", "dog");
        Dataset data = DatasetLoader.load(dir.resolve("out"));
        assertThat(data.train().rows()).isEqualTo(32);
        assertThat(data.train().size() + data.test().size()).isEqualTo(6);
        assertThat(result.notes()).containsExactly("6 images were in colour and were stored as grayscale (brightness)");
    }

    @Test
    void progressCountsEveryImage() throws IOException {
        List<Integer> seen = new ArrayList<>();
        ImageFolderImport.fromZip(threeClasses().write(dir.resolve("u.zip")), dir.resolve("p"), GRAY, Limits.DEFAULT,
                new Progress() {
                    @Override
                    public void update(int done, int total) {
                        assertThat(total).isEqualTo(15);
                        seen.add(done);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
        assertThat(seen).hasSize(15).endsWith(15).isSorted();
    }

    @Test
    void aCancelledImportLeavesNothingBehind() throws IOException {
        Path upload = threeClasses().write(dir.resolve("upload.zip"));
        Path sets = Files.createDirectories(dir.resolve("sets"));
        Files.writeString(sets.resolve("keep.txt"), "mine");
        int[] asked = {0};
        Progress cancelAfterThree = new Progress() {
            @Override
            public void update(int done, int total) {}

            @Override
            public boolean cancelled() {
                return ++asked[0] > 3;
            }
        };
        assertThatThrownBy(() -> ImageFolderImport.fromZip(upload, sets.resolve("pets"), GRAY, Limits.DEFAULT,
                cancelAfterThree)).isInstanceOf(ImportCancelled.class);
        assertThat(asked[0]).isEqualTo(4);
        assertThat(Files.list(sets).map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        assertThat(Files.readString(sets.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void anExistingTargetIsRefusedAndLeftAsItIs() throws IOException {
        Path target = Files.createDirectories(dir.resolve("sets/pets"));
        Files.writeString(target.resolve("dataset.json"), "{\"name\": \"theirs\"}");
        assertThatThrownBy(() -> importZip(threeClasses(), GRAY, Limits.DEFAULT))
                .isInstanceOf(ImportRefused.class).hasMessage("a data set of that name exists already; choose another name");
        assertThat(Files.readString(target.resolve("dataset.json"))).isEqualTo("{\"name\": \"theirs\"}");
        assertThat(Files.list(dir.resolve("sets")).map(p -> p.getFileName().toString())).containsExactly("pets");
    }

    @Test
    void aFailureHalfWayDeletesOnlyItsOwnTemporaryFolder() throws IOException {
        Path sets = Files.createDirectories(dir.resolve("sets"));
        Files.writeString(sets.resolve("notes.txt"), "keep me");
        Files.createDirectories(sets.resolve(".importing-someone-else")).resolve("x");
        Files.writeString(sets.resolve(".importing-someone-else/x.raw"), "theirs");
        Zip zip = threeClasses().add("Dog/zz-broken.png", "not a picture at all".getBytes(StandardCharsets.UTF_8));
        List<Integer> done = new ArrayList<>();
        assertThatThrownBy(() -> ImageFolderImport.fromZip(zip.write(dir.resolve("u.zip")), sets.resolve("pets"), GRAY,
                Limits.DEFAULT, new Progress() {
                    @Override
                    public void update(int d, int total) {
                        done.add(d);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                })).isInstanceOf(ImportRefused.class).hasMessageContaining("zz-broken.png");
        assertThat(Files.list(sets).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("notes.txt", ".importing-someone-else");
        assertThat(Files.readString(sets.resolve(".importing-someone-else/x.raw"))).isEqualTo("theirs");
        assertThat(Files.readString(sets.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void idxWriterWritesWhatTheReaderReads() throws IOException {
        byte[] pixels = new byte[2 * 3 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        Path file = dir.resolve("x-idx4-ubyte.gz");
        String sum = IdxWriter.write(file, new int[] {2, 3, 28, 28}, new java.io.ByteArrayInputStream(pixels));
        IdxReader.IdxImages images = IdxReader.readImages(file);
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.channels()).isEqualTo(3);
        assertThat(images.pixels()).isEqualTo(pixels);
        assertThat(sum).isEqualTo(DatasetLoader.sha256(file));
    }

    @Test
    void prepareMakesPlanarColourAndGrayscaleOfEitherSize() {
        BufferedImage picture = solid(64, 64, BufferedImage.TYPE_INT_RGB, new Color(250, 120, 10));
        byte[] colour = ImageImport.prepare(picture, 32, true);
        assertThat(colour).hasSize(3 * 32 * 32);
        assertThat(colour[5 * 32 + 5] & 0xFF).isEqualTo(250);
        assertThat(colour[1024 + 5 * 32 + 5] & 0xFF).isEqualTo(120);
        assertThat(colour[2048 + 5 * 32 + 5] & 0xFF).isEqualTo(10);
        byte[] gray = ImageImport.prepare(item(64, 64, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE), 32, false);
        assertThat(gray).hasSize(32 * 32);
        assertThat(gray[16 * 32 + 16] & 0xFF).isEqualTo(255);
        assertThat(ImageImport.prepare(solid(20, 20, BufferedImage.TYPE_BYTE_GRAY, Color.BLACK), 28, false))
                .containsOnly(0);
        assertThat(ImageImport.toDatasetImage(encode(picture, "png"), 28, true)).hasSize(3 * 28 * 28);
        // The Try-it path is unchanged: 28×28 grayscale.
        assertThat(ImageImport.fromImage(item(64, 64, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE))).hasSize(784);
    }

    // ---- bad input (issue 17, point 8) ------------------------------------------------------------

    /** One bad upload: how to write it, what the one-line refusal must contain. */
    record Bad(String name, Setup setup, Options options, Limits limits, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Setup {
        /** Writes the upload (a zip file, or a folder for the folder form) and returns it. */
        Path into(Path dir) throws IOException;
    }

    static Bad zip(String name, Zip zip, String says) {
        return new Bad(name, d -> zip.write(d.resolve("upload.zip")), GRAY, Limits.DEFAULT, says);
    }

    static Bad zip(String name, Zip zip, Limits limits, String says) {
        return new Bad(name, d -> zip.write(d.resolve("upload.zip")), GRAY, limits, says);
    }

    static Bad bytes(String name, byte[] content, String says) {
        return new Bad(name, d -> Files.write(d.resolve("upload.zip"), content), GRAY, Limits.DEFAULT, says);
    }

    static Bad patched(String name, Zip zip, String entry, int central, int local, int value, int width, String says) {
        return new Bad(name, d -> {
            Path file = zip.write(d.resolve("upload.zip"));
            Files.write(file, patch(Files.readAllBytes(file), entry, central, local, value, width));
            return file;
        }, GRAY, Limits.DEFAULT, says);
    }

    /** The zip with every occurrence of one name's bytes replaced by another name of the same length. */
    static Bad renamed(String name, Zip zip, String from, String to, String says) {
        return new Bad(name, d -> {
            Path file = zip.write(d.resolve("upload.zip"));
            byte[] bytes = Files.readAllBytes(file);
            byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
            byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i + f.length <= bytes.length; i++) {
                if (java.util.Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                    System.arraycopy(t, 0, bytes, i, t.length);
                }
            }
            Files.write(file, bytes);
            return file;
        }, GRAY, Limits.DEFAULT, says);
    }

    static Bad options(String name, Options options, String says) {
        return new Bad(name, d -> twoClasses().write(d.resolve("upload.zip")), options, Limits.DEFAULT, says);
    }

    static Limits limits(int maxFiles, long maxTotal, long maxFile, int maxClasses, int minPerClass) {
        Limits l = Limits.DEFAULT;
        return new Limits(maxFiles, maxTotal, maxFile, maxClasses, minPerClass, l.maxExpansionRatio(), l.maxSide());
    }

    /** Writes {@code value} into the central directory record (and local header) of one entry. */
    static byte[] patch(byte[] zip, String entry, int central, int local, int value, int width) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < zip.length; i++) {
            int sig = b.getInt(i);
            int nameAt = sig == 0x02014b50 ? i + 46 : sig == 0x04034b50 ? i + 30 : -1;
            int nameLen = sig == 0x02014b50 ? b.getShort(i + 28) : sig == 0x04034b50 ? b.getShort(i + 26) : -1;
            if (nameAt < 0 || nameLen != name.length
                    || !java.util.Arrays.equals(zip, nameAt, nameAt + nameLen, name, 0, name.length)) {
                continue;
            }
            int at = i + (sig == 0x02014b50 ? central : local);
            if (width == 2) {
                b.putShort(at, (short) value);
            } else {
                b.putInt(at, value);
            }
        }
        return zip;
    }

    static byte[] zeros(int n) {
        return new byte[n];
    }

    static Stream<Bad> badUploads() {
        byte[] png = grayPng(100);
        List<Bad> all = new ArrayList<>();
        // Not a zip at all.
        all.add(bytes("random bytes", "\u0001\u0002 random bytes, not a zip".getBytes(StandardCharsets.UTF_8),
                "the file is not a zip"));
        all.add(bytes("a PNG renamed .zip", png, "the file is not a zip"));
        all.add(bytes("an empty file", new byte[0], "the file is empty"));
        all.add(bytes("a zip cut in half", java.util.Arrays.copyOf(twoClassesBytes(), 300), "the zip is damaged"));
        all.add(zip("a zip with no entries", new Zip(), "there are no images"));
        all.add(zip("a zip of Mac extras only", new Zip().add("__MACOSX/._x.png", png).add(".DS_Store", zeros(4)),
                "there are no images"));
        // Zip bombs.
        all.add(zip("an entry expanding 1000-fold", twoClasses().add("cat/bomb.png", zeros(3 << 20)), "zip bomb"));
        Zip manySmall = twoClasses();
        for (int i = 0; i < 30; i++) {
            manySmall.add("cat/z" + i + ".png", zeros(60_000));  // each under the per-entry check's 64 KB
        }
        all.add(zip("many small entries expanding 100-fold together", manySmall, "the zip unpacks to over 100 times"));
        all.add(zip("more unpacked bytes than allowed", twoClasses(), limits(100, 200, 5 << 20, 100, 1),
                "the images unpack to"));
        all.add(new Bad("a header that lies about the size", d -> {
            Path file = twoClasses().add("cat/big.png", zeros(500_000)).write(d.resolve("upload.zip"));
            Files.write(file, patch(Files.readAllBytes(file), "cat/big.png", 24, 22, 1000, 4));
            return file;
        }, GRAY, limits(100, 200 << 20, 100_000, 100, 1), "unpacks to more than its header says"));
        all.add(new Bad("a header that lies the other way (size mismatch)", d -> {
            Path file = twoClasses().write(d.resolve("upload.zip"));
            Files.write(file, patch(Files.readAllBytes(file), "cat/1.png", 24, 22, png.length + 10, 4));
            return file;
        }, GRAY, Limits.DEFAULT, "is damaged"));
        // Paths and links.
        all.add(zip("a .. path", twoClasses().add("cat/../../evil.png", png), "a path outside"));
        all.add(zip("a leading ..", twoClasses().add("../evil/x.png", png), "a path outside"));
        all.add(zip("an absolute path", twoClasses().add("/etc/cat/x.png", png), "a path outside"));
        // Written with "|" and patched: the zip writer itself would turn a backslash into a slash.
        all.add(renamed("a backslash", twoClasses().add("cat|x.png", png), "cat|x.png", "cat\\x.png", "backslash"));
        all.add(renamed("a backslash path up", twoClasses().add("..|..|x.png", png), "..|..|x.png", "..\\..\\x.png",
                "backslash"));
        all.add(zip("a drive letter", twoClasses().add("C:/cat/x.png", png), "a path outside"));
        all.add(zip("an empty path part", twoClasses().add("cat//x.png", png), "a path outside"));
        all.add(zip("a symlink entry", twoClasses().link("cat/link.png", "/etc/passwd"), "a link"));
        all.add(zip("a duplicate entry", twoClasses().twice("cat/3.png", png), "twice"));
        all.add(zip("a control character in a name", twoClasses().add("ca\u0007t/x.png", png), "control characters"));
        all.add(zip("an entry name over 300 characters", twoClasses().add("cat/" + "x".repeat(300) + ".png", png),
                "longer than"));
        // Not images.
        all.add(zip("a text file", twoClasses().add("cat/readme.txt", "hi".getBytes(StandardCharsets.UTF_8)),
                "is not a PNG or JPEG image"));
        all.add(zip("a PNG header with garbage", twoClasses().add("cat/bad.png",
                concat(java.util.Arrays.copyOf(png, 20), "garbage garbage garbage".getBytes(StandardCharsets.UTF_8))),
                "could not be read"));
        all.add(zip("a picture claiming 100000×100000 pixels", twoClasses().add("cat/huge.png", claimingPng(100_000)),
                "100000×100000 pixels"));
        all.add(zip("a GIF named .png", twoClasses().add("cat/anim.png",
                encode(solid(10, 10, BufferedImage.TYPE_BYTE_INDEXED, Color.RED), "gif")), "GIF file"));
        all.add(zip("an empty image file", twoClasses().add("cat/empty.png", new byte[0]), "the file is empty"));
        all.add(zip("a tiny picture", twoClasses().add("cat/tiny.png",
                encode(solid(3, 3, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE), "png")), "only 3×3 pixels"));
        // Classes.
        all.add(zip("a class with no images", twoClasses().folder("empty/"), "the class \"empty\" has no images"));
        all.add(zip("a class of hidden files only", twoClasses().add("bird/.DS_Store", zeros(3)).folder("bird/"),
                "the class \"bird\" has no images"));
        all.add(zip("only one class", new Zip().add("cat/1.png", png).add("cat/2.png", png), "only one class"));
        all.add(zip("classes differing only in case", twoClasses().add("Cat/3.png", png), "differ only in capitals"));
        all.add(zip("a class name over 100 characters", twoClasses().add("c".repeat(101) + "/1.png", png),
                "at most 100"));
        all.add(zip("a blank class name", twoClasses().add("  /1.png", png), "blank"));
        all.add(zip("every class a single image", new Zip().add("cat/1.png", png).add("dog/1.png", png),
                "none can be set aside for testing"));
        all.add(zip("too few images per class", twoClasses(), limits(100, 200 << 20, 5 << 20, 100, 3),
                "each class needs at least 3"));
        // Layout.
        all.add(zip("train/ and test/ with different classes", new Zip().add("train/cat/1.png", png)
                .add("train/dog/1.png", png).add("test/cat/1.png", png).add("test/bird/1.png", png), "different classes"));
        all.add(zip("a test class with no images", new Zip().add("train/cat/1.png", png)
                .add("train/dog/1.png", png).add("test/cat/1.png", png).folder("test/dog/"), "has no images in test/"));
        all.add(zip("train/ without test/", new Zip().add("train/cat/1.png", png).add("train/dog/1.png", png),
                "no test/ folder"));
        all.add(zip("a third folder beside train/ and test/", new Zip().add("train/cat/1.png", png)
                .add("test/cat/1.png", png).add("dog/1.png", png), "put every class folder inside train/ and test/"));
        all.add(zip("an image directly in train/", new Zip().add("train/cat/1.png", png).add("train/x.png", png)
                .add("test/cat/1.png", png), "is not in a class folder"));
        all.add(zip("an image at the top", twoClasses().add("loose.png", png), "is not in a class folder"));
        all.add(zip("images nested too deep", twoClasses().add("cat/more/1.png", png), "nested too deep"));
        // Zip features ConvLab does not read.
        all.add(patched("an encrypted entry", twoClasses(), "cat/1.png", 8, 6, 1, 2, "encrypted"));
        all.add(patched("an unsupported compression", twoClasses(), "cat/1.png", 10, 8, 98, 2, "packed in a way"));
        // Limits.
        all.add(zip("more files than allowed", threeClasses(), limits(10, 200 << 20, 5 << 20, 100, 1),
                "at most 10 images"));
        all.add(zip("more classes than allowed", threeClasses(), limits(100, 200 << 20, 5 << 20, 2, 1),
                "at most 2"));
        all.add(zip("an image over the size limit", twoClasses(), limits(100, 200 << 20, 100, 100, 1),
                "images of at most 100 bytes"));
        // Options.
        all.add(options("a blank name", new Options("  ", 28, false), "needs a name"));
        all.add(options("a name over 100 characters", new Options("n".repeat(101), 28, false), "at most 100"));
        all.add(options("a name with a control character", new Options("pets\n", 28, false), "control characters"));
        all.add(options("size 30", new Options("pets", 30, false), "28×28 or 32×32"));
        all.add(options("a test share of 1.5", new Options("pets", 28, false, 1, 1.5), "between 0 and 1"));
        // The folder form.
        all.add(new Bad("a symlinked file in a folder", d -> {
            Path folder = writeFolder(d);
            Files.writeString(d.resolve("secret.png"), "outside");
            Files.createSymbolicLink(folder.resolve("cat/link.png"), d.resolve("secret.png"));
            return folder;
        }, GRAY, Limits.DEFAULT, "is a link"));
        all.add(new Bad("a symlinked class folder", d -> {
            Path folder = writeFolder(d);
            Path outside = Files.createDirectories(d.resolve("elsewhere"));
            Files.write(outside.resolve("1.png"), png);
            Files.createSymbolicLink(folder.resolve("bird"), outside);
            return folder;
        }, GRAY, Limits.DEFAULT, "is a link"));
        all.add(new Bad("a folder that does not exist", d -> d.resolve("nowhere"), GRAY, Limits.DEFAULT,
                "does not exist"));
        all.add(new Bad("a text file in a folder", d -> {
            Path folder = writeFolder(d);
            Files.writeString(folder.resolve("dog/notes.txt"), "hello");
            return folder;
        }, GRAY, Limits.DEFAULT, "is not a PNG or JPEG image"));
        return all.stream();
    }

    private static byte[] twoClassesBytes() {
        try {
            Path temp = Files.createTempFile("two", ".zip");
            try {
                return Files.readAllBytes(twoClasses().write(temp));
            } finally {
                Files.delete(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeFolder(Path d) throws IOException {
        Path folder = d.resolve("photos");
        for (String c : List.of("cat", "dog")) {
            Files.createDirectories(folder.resolve(c));
            Files.write(folder.resolve(c).resolve("1.png"), grayPng(100));
            Files.write(folder.resolve(c).resolve("2.png"), grayPng(200));
        }
        return folder;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void aBadUploadIsRefusedInOneLineAndStoresNothing(Bad bad) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path upload = bad.setup().into(in);
        Path sets = Files.createDirectories(dir.resolve("sets"));
        Path target = sets.resolve("pets");
        assertThatThrownBy(() -> {
            if (upload.getFileName().toString().endsWith(".zip")) {
                ImageFolderImport.fromZip(upload, target, bad.options(), bad.limits(), Progress.NONE);
            } else {
                ImageFolderImport.fromFolder(upload, target, bad.options(), bad.limits(), Progress.NONE);
            }
        }).isInstanceOf(ImportRefused.class)
                .hasMessageContaining(bad.says())
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(dir.toString());
                    assertThat(e.getMessage().length()).isLessThan(300);
                });
        try (Stream<Path> left = Files.list(sets)) {
            assertThat(left).as("nothing stored, no temporary folder left").isEmpty();
        }
    }

    /** Each refusal has its own words in German and Spanish: no key missing, none left in English. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void aBadUploadIsRefusedInTheReadersLanguage(Bad bad) throws IOException {
        Path upload = bad.setup().into(Files.createDirectories(dir.resolve("in")));
        Path target = Files.createDirectories(dir.resolve("sets")).resolve("pets");
        ImportRefused refused = catchThrowableOfType(ImportRefused.class, () -> {
            if (upload.getFileName().toString().endsWith(".zip")) {
                ImageFolderImport.fromZip(upload, target, bad.options(), bad.limits(), Progress.NONE);
            } else {
                ImageFolderImport.fromFolder(upload, target, bad.options(), bad.limits(), Progress.NONE);
            }
        });
        assertThat(refused.text().in(Locale.ENGLISH)).isEqualTo(refused.getMessage());
        for (Locale language : List.of(Locale.GERMAN, Locale.of("es"))) {
            String words = refused.text().in(language);
            assertThat(words).as(language.toString()).doesNotContain("!{").isNotEqualTo(refused.getMessage())
                    .doesNotContain("\n").doesNotContain(dir.toString());
        }
    }

    @Test
    void anExistingTargetIsRefusedInGerman() throws IOException {
        Files.createDirectories(dir.resolve("sets/pets"));
        ImportRefused refused = catchThrowableOfType(ImportRefused.class,
                () -> importZip(threeClasses(), GRAY, Limits.DEFAULT));
        assertThat(refused.text().in(Locale.GERMAN))
                .isEqualTo("es gibt schon einen Datensatz mit diesem Namen; wähle einen anderen Namen");
        assertThat(refused.text().in(Locale.of("es")))
                .isEqualTo("ya existe un conjunto de datos con ese nombre; elige otro nombre");
    }

    @Test
    void theBadUploadCorpusIsLarge() {
        assertThat(badUploads().count()).isGreaterThanOrEqualTo(50);
    }
}
