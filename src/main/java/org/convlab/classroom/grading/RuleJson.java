package org.convlab.classroom.grading;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules and grades as stored in the database: a JSON array of rules ({@code "kind"} names the rule)
 * and a JSON array of results. Reading refuses impossible rules with the rule's own message.
 */
public final class RuleJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A count of 2.5 is no count: refused rather than cut to 2 (ConvLab writes counts as whole numbers).
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {};
    private static final TypeReference<List<RuleResult>> RESULTS = new TypeReference<>() {};

    private RuleJson() {}

    public static String write(List<Rule> rules) {
        return MAPPER.writerFor(RULES).writeValueAsString(rules);
    }

    public static List<Rule> parse(String json) {
        try {
            List<Rule> rules = MAPPER.readValue(json, RULES);
            if (rules == null || rules.contains(null)) {
                throw new InvalidRuleException("The rules are empty or contain an empty entry.");
            }
            return List.copyOf(rules);
        } catch (JacksonException e) {
            throw new InvalidRuleException(describe(e));
        }
    }

    public static String writeResults(List<RuleResult> results) {
        return MAPPER.writerFor(RESULTS).writeValueAsString(results);
    }

    public static List<RuleResult> parseResults(String json) {
        return List.copyOf(MAPPER.readValue(json, RESULTS));
    }

    /** The rule's own refusal when there is one, else Jackson's first line. */
    private static String describe(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRuleException invalid) {
                return invalid.getMessage();
            }
        }
        String message = e.getOriginalMessage();
        if (message != null && message.contains("type id")) {
            return "The rules name a kind of rule ConvLab does not know.";
        }
        return "The rules are not valid: " + (message == null ? "unreadable JSON" : message.lines().findFirst().orElse(""));
    }
}
