package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.convlab.dataset.ImageImport.RejectedImage;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

class ImageImportTest {

    /** A dark vertical bar (a "trouser leg") on a light background, off-centre in a 300×200 photo. */
    private static BufferedImage photoOfABar() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(new Color(30, 30, 30));
        g.fillRect(20, 40, 50, 150);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static int at(byte[] pixels, int row, int col) {
        return pixels[row * 28 + col] & 0xFF;
    }

    @Test
    void aPhotoBecomesACentredLightItemOnBlackFillingTheHeight() throws IOException {
        for (String format : new String[] {"png", "jpeg"}) {
            byte[] pixels = ImageImport.toDatasetImage(encode(photoOfABar(), format));
            assertThat(pixels).hasSize(784);
            // The bar (150 tall, 50 wide) fills all 28 rows and about 9 columns in the middle.
            assertThat(at(pixels, 14, 14)).as(format).isGreaterThan(200);
            assertThat(at(pixels, 0, 14)).as(format).isGreaterThan(150);
            assertThat(at(pixels, 27, 14)).as(format).isGreaterThan(150);
            assertThat(at(pixels, 14, 2)).as(format).isLessThan(30);
            assertThat(at(pixels, 14, 25)).as(format).isLessThan(30);
            int left = 0;
            while (at(pixels, 14, left) < 128) {
                left++;
            }
            int right = 27;
            while (at(pixels, 14, right) < 128) {
                right--;
            }
            assertThat((left + right) / 2.0).as(format).isBetween(12.5, 14.5);
            assertThat(right - left + 1).as(format).isBetween(8, 11);
        }
    }

    @Test
    void aDrawingWithATransparentBackgroundKeepsItsStrokesAsInk() throws IOException {
        BufferedImage drawing = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawing.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 60, 80, 160);
        g.dispose();
        byte[] pixels = ImageImport.toDatasetImage(encode(drawing, "png"));
        assertThat(at(pixels, 14, 14)).isGreaterThan(200);
        assertThat(at(pixels, 14, 1)).isLessThan(30);
    }

    @Test
    void notAnImageIsRefused() {
        assertThatThrownBy(() -> ImageImport.toDatasetImage("hello, this is text".getBytes()))
                .isInstanceOf(RejectedImage.class).hasMessageContaining("upload a PNG or JPEG");
        assertThatThrownBy(() -> ImageImport.toDatasetImage(new byte[0]))
                .isInstanceOf(RejectedImage.class).hasMessage("The file is empty.");
    }

    @Test
    void aDamagedImageIsRefused() throws IOException {
        byte[] png = encode(photoOfABar(), "png");
        byte[] damaged = Arrays.copyOf(png, png.length / 3);
        assertThatThrownBy(() -> ImageImport.toDatasetImage(damaged)).isInstanceOf(RejectedImage.class);
    }

    @Test
    void anOversizedFileIsRefusedBeforeDecoding() {
        byte[] huge = new byte[(int) ImageImport.MAX_BYTES + 1];
        assertThatThrownBy(() -> ImageImport.toDatasetImage(huge))
                .isInstanceOf(RejectedImage.class).hasMessageContaining("up to 5 MB");
    }

    @Test
    void absurdDimensionsAreRefusedFromTheHeaderAlone() throws IOException {
        // A valid 8×8 PNG whose header is rewritten to claim 100000×100000 pixels.
        byte[] png = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png");
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        assertThatThrownBy(() -> ImageImport.toDatasetImage(png))
                .isInstanceOf(RejectedImage.class).hasMessageContaining("100000×100000 pixels");

        assertThatThrownBy(() -> ImageImport.toDatasetImage(encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png")))
                .isInstanceOf(RejectedImage.class).hasMessageContaining("only 4×4 pixels");
    }

    @Test
    void anEmptyPictureIsRefused() throws IOException {
        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        assertThatThrownBy(() -> ImageImport.toDatasetImage(encode(blank, "png")))
                .isInstanceOf(RejectedImage.class).hasMessageContaining("empty");
    }
}
