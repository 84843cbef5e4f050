package org.convlab.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import java.util.Arrays;

/**
 * The one JSON configuration for what people send ConvLab (model specs, run settings), whichever
 * way it comes in, and for what people write for it to read as a tree and check field by field (a
 * data folder's dataset.json, a guest's lesson progress in the browser): unknown fields are refused, a fraction is never truncated to a whole number
 * ("units": 10.7), text is never read as a number ("64"), and a null where a number belongs is an
 * error, not 0. {@link #describe} turns Jackson's error into one line that names the field.
 */
public final class StrictJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final Pattern GIVEN_VALUE = Pattern.compile("(?:value|token) \\(([^)]{0,40})\\)");
    private static final String LAYER_TYPES = "conv2d, maxpool, avgpool, batchnorm, dropout, flatten, dense, activation";

    private StrictJson() {}

    /** One line: where (a field, "layer 2: units") and what is wrong with it. */
    public static String describe(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (e instanceof UnrecognizedPropertyException && !path.isEmpty()) {
            path = path.subList(0, path.size() - 1);  // the message names the unknown field itself
        }
        String where = where(path);
        String what = what(e);
        return where.isEmpty() ? what : where + ": " + what;
    }

    private static String what(JacksonException e) {
        // A creator's IllegalArgumentException ("unknown activation 'relux' (known: ...)") says it best.
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause != e && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown field '" + clip(unknown.getPropertyName()) + "'"
                    + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")");
        }
        if (message.contains("known type ids") || message.contains("Could not resolve type id")) {
            return message.replaceAll("(?s).*type id '([^']{0,40})[^']*'.*", "unknown layer type '$1'") + " (known: " + LAYER_TYPES + ")";
        }
        if (message.contains("missing type id property")) {
            return "a layer has no \"type\" (" + LAYER_TYPES + ")";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Object given = e instanceof InvalidFormatException invalid ? invalid.getValue() : given(message);
            String expected = expected(mismatch.getTargetType());
            if (message.contains("null")) {
                return "must be " + expected + ", not null";
            }
            return "must be " + expected + (given == null ? "" : ", not " + clip(String.valueOf(given)));
        }
        if (e instanceof tools.jackson.core.exc.InputCoercionException) {
            return "the number is too large";
        }
        if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
            return "the JSON is too large or too deeply nested";
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException read) {
            return read.getLocation() == null || read.getLocation().getLineNr() < 1 ? "not valid JSON"
                    : "not valid JSON: it breaks at line " + read.getLocation().getLineNr() + ", column "
                            + read.getLocation().getColumnNr();
        }
        return clip(message.lines().findFirst().orElse("not valid JSON"));
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static Object given(String message) {
        Matcher m = GIVEN_VALUE.matcher(message);
        if (!m.find()) {
            return null;
        }
        String token = m.group(1);
        for (String[] named : new String[][] {{"START_ARRAY", "a list"}, {"START_OBJECT", "an object"},
                {"VALUE_TRUE", "true"}, {"VALUE_FALSE", "false"}, {"VALUE_STRING", "text"}}) {
            if (token.contains("JsonToken." + named[0])) {
                return named[1];
            }
        }
        return token;
    }

    /** "layer 2: units" for a spec's layers, "augmentation.shiftPixels" elsewhere. */
    private static String where(List<JacksonException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            JacksonException.Reference ref = path.get(i);
            String name = ref.getPropertyName();
            if ("layers".equals(name) && i + 1 < path.size() && path.get(i + 1).getIndex() >= 0) {
                text.append(text.isEmpty() ? "" : " ").append("layer ").append(path.get(i + 1).getIndex() + 1);
                i++;
                continue;
            }
            if (name != null) {
                text.append(text.isEmpty() ? "" : text.toString().startsWith("layer") && !text.toString().contains(":") ? ": " : ".")
                        .append(clip(name));
            } else if (ref.getIndex() >= 0) {
                text.append("[").append(ref.getIndex()).append("]");
            }
        }
        return text.toString();
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }
}
