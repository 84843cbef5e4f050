package org.convlab.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** The PNGs that pages show inside data URLs, read back for tests. */
public final class Pngs {

    private Pngs() {}

    /** The PNG inside an image's data URL. */
    public static BufferedImage png(Image image) {
        return png(image.getSrc());
    }

    public static BufferedImage png(String src) {
        assertThat(src).startsWith("data:image/png;base64,");
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the PNG is a colour picture (three colour components), not a grayscale one. */
    public static boolean isColour(BufferedImage png) {
        return png.getColorModel().getColorSpace().getNumComponents() == 3;
    }
}
