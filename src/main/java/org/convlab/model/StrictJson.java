package org.convlab.model;

import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
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

    /** One line in English: where (a field, "layer 2: units") and what is wrong with it. */
    public static String describe(JacksonException e) {
        return describeText(e).toString();
    }

    /** One line in the reader's words: where (a field, "layer 2: units") and what is wrong with it. */
    public static Text describeText(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (e instanceof UnrecognizedPropertyException && !path.isEmpty()) {
            path = path.subList(0, path.size() - 1);  // the message names the unknown field itself
        }
        Object where = where(path);
        Text what = what(e);
        return "".equals(where) ? what : Text.of("model.json.at", where, what);
    }

    private static Text what(JacksonException e) {
        // A creator's IllegalArgumentException ("unknown activation 'relux' (known: ...)") says it best.
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof TextException words && cause != e) {
            return words.text();
        }
        if (cause instanceof UnknownNameException unknown) {
            return unknown.text();
        }
        if (cause instanceof IllegalArgumentException && cause != e && cause.getMessage() != null) {
            return InvalidModelException.verbatim(cause.getMessage());
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            String field = clip(unknown.getPropertyName());
            return known.isEmpty() ? Text.of("model.json.unknown-field", field)
                    : Text.of("model.json.unknown-field-known", field, String.join(", ", known));
        }
        if (message.contains("known type ids") || message.contains("Could not resolve type id")) {
            return Text.of("model.json.unknown-layer-type",
                    message.replaceAll("(?s).*type id '([^']{0,40})[^']*'.*", "$1"), LAYER_TYPES);
        }
        if (message.contains("missing type id property")) {
            return Text.of("model.json.no-type", LAYER_TYPES);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Object given = e instanceof InvalidFormatException invalid ? invalid.getValue() : given(message);
            Text expected = expected(mismatch.getTargetType());
            if (message.contains("null")) {
                return Text.of("model.json.must-be-not-null", expected);
            }
            return given == null ? Text.of("model.json.must-be", expected)
                    : Text.of("model.json.must-be-not", expected, given instanceof Text t ? t : clip(String.valueOf(given)));
        }
        if (e instanceof tools.jackson.core.exc.InputCoercionException) {
            return Text.of("model.json.number-too-large");
        }
        if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
            return Text.of("model.json.too-large");
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException read) {
            return read.getLocation() == null || read.getLocation().getLineNr() < 1 ? Text.of("model.json.invalid")
                    : Text.of("model.json.breaks-at",
                            String.valueOf(read.getLocation().getLineNr()), String.valueOf(read.getLocation().getColumnNr()));
        }
        return message.isBlank() ? Text.of("model.json.invalid")
                : InvalidModelException.verbatim(clip(message.lines().findFirst().orElse("")));
    }

    private static Text expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Text.of("model.json.type.whole-number");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Text.of("model.json.type.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Text.of("model.json.type.boolean");
        }
        if (type == String.class) {
            return Text.of("model.json.type.text");
        }
        if (type.isEnum()) {
            return Text.of("model.json.type.one-of", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return Text.of("model.json.type.list");
        }
        return Text.of("model.json.type.object");
    }

    /** What the JSON held instead: a kind of value in words, or the value itself. */
    private static Object given(String message) {
        Matcher m = GIVEN_VALUE.matcher(message);
        if (!m.find()) {
            return null;
        }
        String token = m.group(1);
        for (String[] named : new String[][] {{"START_ARRAY", "model.json.type.list"}, {"START_OBJECT", "model.json.type.object"},
                {"VALUE_STRING", "model.json.type.text"}}) {
            if (token.contains("JsonToken." + named[0])) {
                return Text.of(named[1]);
            }
        }
        for (String[] literal : new String[][] {{"VALUE_TRUE", "true"}, {"VALUE_FALSE", "false"}}) {
            if (token.contains("JsonToken." + literal[0])) {
                return literal[1];
            }
        }
        return token;
    }

    /**
     * "layer 2: units" for a spec's layers (a {@link Text}: "Schicht 2: units" in German),
     * "augmentation.shiftPixels" elsewhere (field names are the JSON's own, so never translated).
     */
    private static Object where(List<JacksonException.Reference> path) {
        StringBuilder before = new StringBuilder();
        StringBuilder text = before;
        StringBuilder after = new StringBuilder();
        Integer layer = null;
        for (int i = 0; i < path.size(); i++) {
            JacksonException.Reference ref = path.get(i);
            String name = ref.getPropertyName();
            if (layer == null && "layers".equals(name) && i + 1 < path.size() && path.get(i + 1).getIndex() >= 0) {
                layer = path.get(i + 1).getIndex() + 1;
                text = after;
                i++;
                continue;
            }
            if (name != null) {
                boolean firstAfterLayer = layer != null && after.isEmpty();
                String separator = firstAfterLayer ? (before.isEmpty() ? ": " : ".") : text.isEmpty() ? "" : ".";
                text.append(separator).append(clip(name));
            } else if (ref.getIndex() >= 0) {
                text.append("[").append(ref.getIndex()).append("]");
            }
        }
        if (layer == null) {
            return before.toString();
        }
        return Text.of("model.json.where-layer", before.isEmpty() ? "" : before + " ", String.valueOf(layer), after.toString());
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }
}
