package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void loadsAFolderWithItsClassNames(boolean gzip) throws IOException {
        Dataset dataset = DatasetLoader.load(IdxFiles.tinyDataset(dir, gzip));
        assertThat(dataset.name()).isEqualTo("Tiny");
        assertThat(dataset.classNames()).containsExactly("zero", "one", "two");
        assertThat(dataset.train().size()).isEqualTo(4);
        assertThat(dataset.test().size()).isEqualTo(2);
        assertThat(dataset.className(dataset.test().label(0))).isEqualTo("two");
        assertThat(dataset.train().pixel(1, 0, 3)).isEqualTo(13);
    }

    @Test
    void loadsTheShippedFashionMnistWithChecksums() {
        Dataset dataset = DatasetLoader.load(DatasetService.defaultFolder());
        assertThat(dataset.name()).isEqualTo("Fashion-MNIST");
        assertThat(dataset.train().size()).isEqualTo(60_000);
        assertThat(dataset.test().size()).isEqualTo(10_000);
        assertThat(dataset.classNames()).hasSize(10).startsWith("T-shirt/top", "Trouser");
        assertThat(dataset.metadata().sha256()).hasSize(4);
    }

    @Test
    void imagesOfTheWrongSizeAreRefused() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(2, 30, 30, new byte[2 * 30 * 30]), false);
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte: wrong dimensions: images are 30×30 pixels; ConvLab needs "
                        + "28×28 or 32×32");
    }

    @Test
    void bothSplitsMustHaveTheSameSizeAndChannels() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(2, 32, 32, new byte[2 * 32 * 32]), false);
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessage("the training images are 28×28 in grayscale but the test images 32×32 in grayscale: both "
                        + "splits need the same size and channels");
    }

    @Test
    void colourImagesLoadPlaneByPlane() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        byte[] pixels = new byte[4 * 3 * 32 * 32];
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 3; c++) {
                // Image i: red plane i, green plane 100 + i, blue plane 200 + i, with one marked pixel.
                java.util.Arrays.fill(pixels, (i * 3 + c) * 1024, (i * 3 + c + 1) * 1024, (byte) (c * 100 + i));
            }
        }
        pixels[(2 * 3 + 1) * 1024 + 5 * 32 + 7] = (byte) 250;
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"),
                IdxFiles.concat(IdxFiles.header(0x804, 4, 3, 32, 32), pixels), false);
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"),
                IdxFiles.concat(IdxFiles.header(0x804, 2, 3, 32, 32), new byte[2 * 3 * 32 * 32]), false);
        Dataset dataset = DatasetLoader.load(dir);
        assertThat(dataset.train().channels()).isEqualTo(3);
        assertThat(dataset.train().colour()).isTrue();
        assertThat(dataset.train().rows()).isEqualTo(32);
        assertThat(dataset.train().pixel(3, 0, 0, 0)).isEqualTo(3);
        assertThat(dataset.train().pixel(3, 2, 31, 31)).isEqualTo(203);
        assertThat(dataset.train().pixel(2, 1, 5, 7)).isEqualTo(250);
        assertThat(dataset.train().pixel(2, 1, 5, 8)).isEqualTo(102);
    }

    @Test
    void imagesOfTwoChannelsAreRefusedBeforeAnythingIsRead() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"),
                IdxFiles.concat(IdxFiles.header(0x804, 4, 2, 28, 28), new byte[4 * 2 * 28 * 28]), false);
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("the header claims images of 2 channels; ConvLab reads grayscale (1 channel) or "
                        + "colour (3 channels: red, green, blue)");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.labels((byte) 0, (byte) 1, (byte) 2), false);
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .hasMessageContaining("train-labels-idx1-ubyte: has 3 labels but train-images-idx3-ubyte has 4 images");
    }

    @Test
    void labelsBeyondTheClassListAreRefused() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels((byte) 3, (byte) 0), false);
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .hasMessageContaining("label 3 at position 0 is outside 0–2 (the data set has 3 classes)");
    }

    @Test
    void checksumMismatchIsReported() throws IOException {
        IdxFiles.tinyDataset(dir, true);
        String realSum = DatasetLoader.sha256(dir.resolve("train-labels-idx1-ubyte.gz"));
        String metadata = Files.readString(dir.resolve("dataset.json")).replaceFirst("\\}\\s*$",
                ", \"sha256\": {\"train-labels-idx1-ubyte.gz\": \"" + realSum + "\"}}");
        Files.writeString(dir.resolve("dataset.json"), metadata);
        assertThat(DatasetLoader.load(dir).train().size()).isEqualTo(4);

        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels((byte) 1, (byte) 1, (byte) 1, (byte) 1), true);
        assertThatThrownBy(() -> DatasetLoader.load(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("train-labels-idx1-ubyte.gz: checksum mismatch: SHA-256 is")
                .hasMessageContaining("expected " + realSum.substring(0, 12));
    }

    @Test
    void aMissingFolderSaysWhereItLooked() {
        assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("nowhere")))
                .hasMessageContaining("nowhere does not exist");
    }

    @Test
    void brokenMetadataIsReported() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        Files.writeString(dir.resolve("dataset.json"), "{\"classes\": [\"only-one\"]}");
        assertThatThrownBy(() -> DatasetLoader.load(dir)).hasMessageContaining("\"classes\" lists 1 class;");
        Files.writeString(dir.resolve("dataset.json"), "{not json");
        assertThatThrownBy(() -> DatasetLoader.load(dir)).hasMessageContaining("dataset.json: is not valid JSON");
    }

    @Test
    void aFolderWithoutMetadataUsesStandardNamesAndFashionClasses() throws IOException {
        IdxFiles.tinyDataset(dir, true);
        Files.delete(dir.resolve("dataset.json"));
        Dataset dataset = DatasetLoader.load(dir);
        assertThat(dataset.classNames()).isEqualTo(DatasetMetadata.FASHION_MNIST_CLASSES);
        assertThat(dataset.train().size()).isEqualTo(4);
    }

    @Test
    void serviceReportsAProblemAndRecoversOnceFixed() throws IOException {
        DatasetService service = new DatasetService(dir);
        assertThat(service.problem()).get().asString().contains("train-images-idx3-ubyte.gz: file not found");
        IdxFiles.tinyDataset(dir, true);
        assertThat(service.problem()).isEmpty();
        assertThat(service.statistics(Split.TEST).imageCount()).isEqualTo(2);
    }
}
