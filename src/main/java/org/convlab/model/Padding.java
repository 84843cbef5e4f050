package org.convlab.model;

import org.convlab.i18n.Text;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Keras' two padding modes: "valid" (no padding, the image shrinks) and "same" (zero padding). */
public enum Padding {
    VALID,
    SAME;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Padding parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "valid" -> VALID;
            case "same" -> SAME;
            default ->
                    throw new UnknownNameException(Text.of("model.json.unknown-padding", text));
        };
    }

    @Override
    public String toString() {
        return jsonName();
    }
}
