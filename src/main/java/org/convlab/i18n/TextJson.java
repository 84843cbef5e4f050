package org.convlab.i18n;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Text} as it is stored, so each reader reads it in their own language later:
 * {@code {"key": "training.notice.server-restarted", "args": [...]}}. Values keep their type: a whole
 * number is a JSON integer (read back as a Long), a decimal {@code {"decimal": "0.91"}} (read back as
 * a BigDecimal with its scale, so "91.20" stays two decimals), a phrase a nested key, anything else a
 * string. Grades (classroom) and a run's problem and notices (training.queue) are stored this way.
 */
public final class TextJson {

    private TextJson() {}

    /** {@code text} as a JSON object. */
    public static ObjectNode node(Text text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", text.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : text.args()) {
            switch (arg) {
                case Text nested -> args.add(node(nested));
                case Long n -> args.add(n);
                case Integer n -> args.add(n.longValue());
                case BigDecimal d -> args.addObject().put("decimal", d.toPlainString());
                case Double d -> args.addObject().put("decimal", BigDecimal.valueOf(d).toPlainString());
                case null -> args.add("");
                default -> args.add(String.valueOf(arg));
            }
        }
        return node;
    }

    /** Whether {@code node} is what {@link #node} writes. */
    public static boolean isText(JsonNode node) {
        return node != null && node.isObject() && node.path("key").isString();
    }

    /** What {@link #node} wrote; the caller checks {@link #isText} first. */
    public static Text text(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            if (arg.isObject() && arg.has("decimal")) {
                args.add(new BigDecimal(arg.get("decimal").asString()));
            } else if (isText(arg)) {
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
