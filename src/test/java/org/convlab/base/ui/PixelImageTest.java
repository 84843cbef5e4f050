package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import static org.convlab.testsupport.Pngs.isColour;
import static org.convlab.testsupport.Pngs.png;

/** Pictures of 1 or 3 channels: colour images keep their colours, planar red, green, blue as the data sets keep them. */
class PixelImageTest {

    @Test
    void threePlanesBecomeOneColourPictureWithEachPixelsRedGreenAndBlue() {
        // 2×3 image: red plane, green plane, blue plane, each row by row.
        byte[] planar = {
            (byte) 200, 0, 10, 20, 30, (byte) 255,
            60, 0, 11, 21, 31, (byte) 255,
            60, (byte) 250, 12, 22, 32, (byte) 255};
        PixelImage image = new PixelImage(planar, 3, 2, 3, "a colour test");
        BufferedImage png = png(image);
        assertThat(isColour(png)).isTrue();
        assertThat(png.getWidth()).isEqualTo(3);
        assertThat(png.getHeight()).isEqualTo(2);
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isEqualTo(200 << 16 | 60 << 8 | 60);
        assertThat(png.getRGB(1, 0) & 0xFFFFFF).isEqualTo(250);
        assertThat(png.getRGB(0, 1) & 0xFFFFFF).isEqualTo(20 << 16 | 21 << 8 | 22);
        assertThat(png.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getAlt()).hasValue("a colour test");
    }

    @Test
    void oneChannelStaysGrayscaleAndIntensitiesAreClampedTo255() {
        double[] values = new double[32 * 32];
        values[0] = 300;
        values[1] = -5;
        values[2] = 128;
        BufferedImage png = png(new PixelImage(values, 1, 32, 32, "gray"));
        assertThat(isColour(png)).isFalse();
        assertThat(png.getWidth()).isEqualTo(32);
        assertThat(png.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(png.getRaster().getSample(1, 0, 0)).isZero();
        assertThat(png.getRaster().getSample(2, 0, 0)).isEqualTo(128);
    }

    @Test
    void anImageOfTwoOrFourChannelsIsRefused() {
        for (int channels : new int[] {0, 2, 4, -1}) {
            assertThatThrownBy(() -> new PixelImage(new byte[Math.max(0, channels) * 4], channels, 2, 2, "odd"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 3 channels");
        }
    }
}
