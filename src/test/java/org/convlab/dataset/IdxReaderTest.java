package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsImagesAndLabelsPlainOrGzipped(boolean gzip) throws IOException {
        byte[] pixels = IdxFiles.pixels(3);
        Path images = IdxFiles.write(dir.resolve("images"), IdxFiles.images(3, 28, 28, pixels), gzip);
        Path labels = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels((byte) 9, (byte) 0, (byte) 4), gzip);

        IdxReader.IdxImages read = IdxReader.readImages(images);
        assertThat(read.count()).isEqualTo(3);
        assertThat(read.rows()).isEqualTo(28);
        assertThat(read.cols()).isEqualTo(28);
        assertThat(read.pixels()).isEqualTo(pixels);
        assertThat(IdxReader.readLabels(labels, 10)).containsExactly(9, 0, 4);
    }

    @Test
    void readsTheShippedFashionMnistTestSplit() {
        Path folder = DatasetService.defaultFolder();
        IdxReader.IdxImages images = IdxReader.readImages(folder.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] labels = IdxReader.readLabels(folder.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        assertThat(images.count()).isEqualTo(10_000);
        assertThat(labels).hasSize(10_000);
        // The first test image of Fashion-MNIST is an ankle boot (class 9), the second a pullover (2).
        assertThat(labels[0]).isEqualTo((byte) 9);
        assertThat(labels[1]).isEqualTo((byte) 2);
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> IdxReader.readImages(dir.resolve("nothing.gz")))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("nothing.gz: file not found");
    }

    @Test
    void wrongMagicNumberIsReported() throws IOException {
        Path file = IdxFiles.write(dir.resolve("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, false);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("png: not an IDX file of unsigned bytes (magic number 0x89504e47");
    }

    @Test
    void labelFileGivenAsImagesHasWrongDimensions() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels((byte) 1, (byte) 2), true);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("wrong dimensions: the file has 1 dimension; an image file needs 3");
    }

    @Test
    void zeroOrNegativeDimensionIsReported() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images"), IdxFiles.header(0x803, 2, 0, 28), false);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageContaining("wrong dimensions: dimension 2 is 0");
    }

    @Test
    void truncatedPlainFileIsReported() throws IOException {
        byte[] whole = IdxFiles.images(2, 28, 28, IdxFiles.pixels(2));
        Path file = IdxFiles.write(dir.resolve("images"), Arrays.copyOf(whole, whole.length - 100), false);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("file is truncated: its header claims 2 images of 28×28 pixels (1,568 bytes) "
                        + "but only 1,468 bytes follow");
    }

    @Test
    void truncatedGzipFileIsReported() throws IOException {
        Path good = IdxFiles.write(dir.resolve("good.gz"), IdxFiles.images(5, 28, 28, IdxFiles.pixels(5)), true);
        byte[] compressed = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(compressed, compressed.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(cut))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("cut.gz: file is truncated");
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"),
                IdxFiles.concat(IdxFiles.labels((byte) 1), new byte[] {7, 7}), false);
        assertThatThrownBy(() -> IdxReader.readLabels(file, 10)).hasMessageContaining("2 unexpected bytes");
    }

    @Test
    void labelOutOfRangeIsReportedWithItsPosition() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels((byte) 3, (byte) 10), false);
        assertThatThrownBy(() -> IdxReader.readLabels(file, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("label 10 at position 1 is outside 0–9");
    }

    @Test
    void aHeaderAskingForGigabytesIsRefusedBeforeAllocating() throws IOException {
        Path file = IdxFiles.write(dir.resolve("huge"), IdxFiles.header(0x803, 100_000_000, 28, 28), false);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageContaining("the header claims 100,000,000 images; ConvLab reads at most 1,000,000");
    }

    @Test
    void aGzipBombIsInflatedNoFurtherThanItsHeaderClaims() throws IOException {
        Path bomb = dir.resolve("bomb.gz");
        HostileData.gzipBomb(bomb, IdxFiles.header(0x803, 10, 28, 28), 4096);
        assertThat(Files.size(bomb)).isLessThan(10L << 20);
        assertThatThrownBy(() -> IdxReader.readImages(bomb))
                .isInstanceOf(DatasetException.class)
                .hasMessage("bomb.gz: the file is larger than its header says: more data follows the "
                        + "10 images of 28×28 pixels (7,840 bytes) it declares");
    }

    @Test
    void limitsAreCheckedBeforeReading() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images"), IdxFiles.images(3, 28, 28, IdxFiles.pixels(3)), true);
        IdxLimits small = new IdxLimits(1_000, 64, 2_000);
        assertThatThrownBy(() -> IdxReader.readImages(file, small))
                .hasMessage("images: the header claims 3 images of 28×28 pixels (2,352 bytes); "
                        + "ConvLab reads at most 2,000 bytes per file (" + IdxLimits.HOW_TO_RAISE + ")");
        assertThatThrownBy(() -> IdxReader.readImages(file, new IdxLimits(2, 64, 1 << 20)))
                .hasMessageContaining("the header claims 3 images; ConvLab reads at most 2 per file");
        assertThatThrownBy(() -> IdxReader.readImages(file, new IdxLimits(10, 27, 1 << 20)))
                .hasMessageContaining("images of 28×28 pixels; ConvLab reads images of at most 27×27");
        assertThat(IdxReader.readImages(file, new IdxLimits(3, 28, 2_352)).count()).isEqualTo(3);
    }
}
