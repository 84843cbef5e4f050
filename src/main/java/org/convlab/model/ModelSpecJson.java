package org.convlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes model specs as JSON. Parse errors come back as one readable line (what is wrong
 * and where) rather than Jackson's multi-line message.
 */
public final class ModelSpecJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ModelSpecJson() {}

    public static ModelSpec parse(String json) {
        try {
            ModelSpec spec = MAPPER.readValue(json, ModelSpec.class);
            if (spec == null) {
                throw new InvalidModelException("the model spec is empty");
            }
            return spec;
        } catch (JacksonException e) {
            throw new InvalidModelException("the model spec is not valid JSON for a model: " + describe(e));
        }
    }

    public static ModelSpec read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model spec " + file + ": " + e.getMessage(), e);
        }
    }

    public static String write(ModelSpec spec) {
        return MAPPER.writeValueAsString(spec);
    }

    private static String describe(JacksonException e) {
        // A creator's IllegalArgumentException ("unknown activation 'relux' (known: ...)") says it best.
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof IllegalArgumentException && cause != e
                ? cause.getMessage()
                : e.getOriginalMessage();
        String path = e.getPathReference();
        if (message != null && message.contains("known type ids")) {
            message = message.replaceAll("(?s)Could not resolve type id '([^']*)'.*", "unknown layer type '$1'")
                    + " (known: conv2d, maxpool, avgpool, batchnorm, dropout, flatten, dense, activation)";
        }
        if (message != null && message.contains("missing type id property")) {
            message = "a layer has no \"type\" (conv2d, maxpool, avgpool, batchnorm, dropout, flatten, dense, activation)";
        }
        return message + (path == null || path.isBlank() ? "" : " (at " + path + ")");
    }
}
