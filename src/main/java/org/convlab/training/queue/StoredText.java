package org.convlab.training.queue;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's problem or notice as it is stored (in its column, or in its stored progress): its words as
 * {@link TextJson} writes them, so each reader reads it in their own language. Runs stored before that
 * hold an English sentence; it is read as it is, word for word.
 */
public final class StoredText {

    /** The key of a stored sentence shown as written: {@code {0}} in every language. */
    static final String AS_WRITTEN = "training.stored.as-written";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoredText() {}

    /** The stored form of {@code text}; null for null. */
    public static String write(Text text) {
        return text == null ? null : MAPPER.writeValueAsString(TextJson.node(text));
    }

    /** What {@link #write} wrote, or an older run's English sentence as written; null for null. */
    public static Text read(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("{\"key\"")) {
            try {
                JsonNode node = MAPPER.readTree(stored);
                if (TextJson.isText(node)) {
                    return TextJson.text(node);
                }
            } catch (JacksonException | IllegalArgumentException e) {
                // Not ours after all: shown as written below.
            }
        }
        return Text.of(AS_WRITTEN, stored);
    }
}
