package org.convlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import java.util.Locale;
import org.convlab.i18n.Text;

/**
 * Reads and writes model specs as JSON, strictly (StrictJson). Parse errors come back as one
 * readable line (what is wrong and where) rather than Jackson's multi-line message.
 */
public final class ModelSpecJson {

    /** A spec file larger than this is not a model spec (the largest real one is a few KB). */
    public static final long MAX_BYTES = 256 * 1024;

    private ModelSpecJson() {}

    public static ModelSpec parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidModelException(Text.of("model.spec.empty"));
        }
        if (json.length() > MAX_BYTES) {
            throw new InvalidModelException(Text.of("model.spec.too-large", MAX_BYTES / 1024));
        }
        try {
            ModelSpec spec = StrictJson.MAPPER.readValue(json, ModelSpec.class);
            if (spec == null) {
                throw new InvalidModelException(Text.of("model.spec.empty"));
            }
            return spec;
        } catch (JacksonException e) {
            throw new InvalidModelException(Text.of("model.spec.not-json", StrictJson.describeText(e)));
        }
    }

    /** Reads a spec file; a missing, unreadable or oversized file is one clear line naming it. */
    public static ModelSpec read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidModelException(Text.of("model.spec.not-a-file", file));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidModelException(Text.of("model.spec.file-too-large", file, MAX_BYTES / 1024));
            }
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidModelException(Text.of("model.spec.unreadable", file, e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)));
        }
    }

    public static String write(ModelSpec spec) {
        return StrictJson.MAPPER.writeValueAsString(spec);
    }
}
