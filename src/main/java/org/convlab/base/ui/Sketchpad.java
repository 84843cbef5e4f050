package org.convlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.Base64;

/** A canvas to draw on ({@code frontend/components/convlab-sketchpad.ts}); sends a PNG after each stroke. */
@Tag("convlab-sketchpad")
@JsModule("./components/convlab-sketchpad.ts")
public final class Sketchpad extends Component {

    private static final String PNG_DATA_URL = "data:image/png;base64,";

    /** The drawing after a stroke, as PNG bytes. */
    @DomEvent("sketch-changed")
    public static final class ChangeEvent extends ComponentEvent<Sketchpad> {
        private final byte[] png;

        public ChangeEvent(Sketchpad source, boolean fromClient, @EventData("event.detail.png") String dataUrl) {
            super(source, fromClient);
            this.png = decode(dataUrl);
        }

        /** The PNG in a data URL; nothing for anything else (the event comes from the browser, so may be forged). */
        private static byte[] decode(String dataUrl) {
            if (dataUrl == null || !dataUrl.startsWith(PNG_DATA_URL)) {
                return new byte[0];
            }
            try {
                return Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }

        public byte[] png() {
            return png;
        }
    }

    /** A drawing area for one item of clothing; {@link #setLabel} says what else to draw. */
    public Sketchpad() {
        setLabel(I18n.t("lesson.sketchpad.label"));
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** What a screen reader announces for the drawing area (by default: draw one item of clothing). */
    public void setLabel(String label) {
        getElement().setProperty("label", label);
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }
}
