package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The drawing comes from the browser: anything but a PNG data URL arrives as no drawing, never as an error. */
class SketchpadTest {

    private static byte[] received(String dataUrl) {
        Sketchpad pad = new Sketchpad();
        return new Sketchpad.ChangeEvent(pad, true, dataUrl).png();
    }

    @Test
    void aPngDataUrlArrivesAsItsBytes() {
        assertThat(received("data:image/png;base64,iVBORw0KGgo=")).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aForgedOrMissingDrawingArrivesAsNothing() {
        assertThat(received("data:image/png;base64,@@not base64@@")).isEmpty();
        assertThat(received("data:text/html;base64,PGI+")).isEmpty();
        assertThat(received(null)).isEmpty();
    }

    @Test
    void theScreenReaderLabelCanBeSet() {
        Sketchpad pad = new Sketchpad();
        pad.setLabel("Drawing area: draw an X");
        assertThat(pad.getElement().getProperty("label")).isEqualTo("Drawing area: draw an X");
    }
}
