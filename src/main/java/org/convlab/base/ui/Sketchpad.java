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
            this.png = dataUrl != null && dataUrl.startsWith(PNG_DATA_URL)
                    ? Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()))
                    : new byte[0];
        }

        public byte[] png() {
            return png;
        }
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }
}
