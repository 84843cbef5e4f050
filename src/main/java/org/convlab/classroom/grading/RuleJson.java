package org.convlab.classroom.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules and grades as stored in the database: a JSON array of rules ({@code "kind"} names the rule)
 * and a JSON array of results. Reading refuses impossible rules with the rule's own message.
 *
 * <p>A result keeps its words as keys and values, not sentences, so it is written in each reader's
 * language when shown: {@code {"key": "classroom.rule.model-has", "args": [{"key": ..., "args": [3]}]}}.
 * Values keep their type: a whole number is a JSON integer (read back as a Long), a decimal is
 * {@code {"decimal": "91.20"}} (read back with its scale), a phrase is a nested key, anything else a
 * string. Results stored before that hold English strings; they are read as they are.
 */
public final class RuleJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A count of 2.5 is no count: refused rather than cut to 2 (ConvLab writes counts as whole numbers).
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {};

    private RuleJson() {}

    public static String write(List<Rule> rules) {
        return MAPPER.writerFor(RULES).writeValueAsString(rules);
    }

    public static List<Rule> parse(String json) {
        try {
            List<Rule> rules = MAPPER.readValue(json, RULES);
            if (rules == null || rules.contains(null)) {
                throw new InvalidRuleException(Text.of("classroom.rule.json.empty"));
            }
            return List.copyOf(rules);
        } catch (JacksonException e) {
            throw new InvalidRuleException(describe(e));
        }
    }

    public static String writeResults(List<RuleResult> results) {
        ArrayNode array = MAPPER.createArrayNode();
        for (RuleResult r : results) {
            ObjectNode node = array.addObject();
            node.set("rule", text(r.rule()));
            node.put("passed", r.passed());
            node.set("explanation", text(r.explanation()));
        }
        return MAPPER.writeValueAsString(array);
    }

    public static List<RuleResult> parseResults(String json) {
        List<RuleResult> results = new ArrayList<>();
        for (JsonNode node : MAPPER.readTree(json)) {
            results.add(new RuleResult(text(node.get("rule")), node.get("passed").asBoolean(),
                    text(node.get("explanation"))));
        }
        return List.copyOf(results);
    }

    private static ObjectNode text(Text text) {
        return TextJson.node(text);
    }

    /** A Text as {@link TextJson} writes it, or an older result's English sentence, shown as written. */
    private static Text text(JsonNode node) {
        if (node == null || node.isNull()) {
            return Text.of(RuleResult.AS_WRITTEN, "");
        }
        if (!node.isObject()) {
            return Text.of(RuleResult.AS_WRITTEN, node.asString());
        }
        return TextJson.text(node);
    }

    /** The rule's own refusal when there is one, else Jackson's first line. */
    private static Text describe(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRuleException invalid) {
                return invalid.text();
            }
        }
        String message = e.getOriginalMessage();
        if (message != null && message.contains("type id")) {
            return Text.of("classroom.rule.json.unknown-kind");
        }
        return message == null ? Text.of("classroom.rule.json.unreadable")
                : Text.of("classroom.rule.json.invalid", message.lines().findFirst().orElse(""));
    }
}
