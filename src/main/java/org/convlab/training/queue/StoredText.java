package org.convlab.training.queue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.convlab.i18n.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's problem or notice as it is stored (in its column, or in its stored progress): its words as
 * a key and values, {@code {"key": "training.notice.server-restarted", "args": []}}, so each reader
 * reads it in their own language. Values keep their type: a whole number is a JSON integer (read back
 * as a Long), a decimal {@code {"decimal": "0.91"}}, a phrase a nested key, anything else a string.
 * Runs stored before that hold an English sentence; it is read as it is, word for word.
 */
public final class StoredText {

    /** The key of a stored sentence shown as written: {@code {0}} in every language. */
    static final String AS_WRITTEN = "training.stored.as-written";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoredText() {}

    /** The stored form of {@code text}; null for null. */
    public static String write(Text text) {
        return text == null ? null : MAPPER.writeValueAsString(node(text));
    }

    /** What {@link #write} wrote, or an older run's English sentence as written; null for null. */
    public static Text read(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("{\"key\"")) {
            try {
                JsonNode node = MAPPER.readTree(stored);
                if (node.isObject() && node.path("key").isString()) {
                    return text(node);
                }
            } catch (JacksonException | IllegalArgumentException e) {
                // Not ours after all: shown as written below.
            }
        }
        return Text.of(AS_WRITTEN, stored);
    }

    private static ObjectNode node(Text text) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", text.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : text.args()) {
            switch (arg) {
                case Text nested -> args.add(node(nested));
                case Long n -> args.add(n);
                case Integer n -> args.add(n.longValue());
                case BigDecimal d -> args.addObject().put("decimal", d.toPlainString());
                case Double d -> args.addObject().put("decimal", BigDecimal.valueOf(d).toPlainString());
                default -> args.add(String.valueOf(arg));
            }
        }
        return node;
    }

    private static Text text(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            if (arg.isObject() && arg.has("decimal")) {
                args.add(new BigDecimal(arg.get("decimal").asString()));
            } else if (arg.isObject() && arg.path("key").isString()) {
                args.add(text(arg));
            } else if (arg.isIntegralNumber()) {
                args.add(arg.asLong());
            } else {
                args.add(arg.asString());
            }
        }
        return new Text(node.get("key").asString(), args);
    }
}
