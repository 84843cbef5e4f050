package org.convlab.training.engine;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration for what ConvLab writes itself and reads back: a run folder's
 * {@code run.json} ({@link RunStore}), a checkpoint's {@code state.json} ({@link CheckpointFolder}) and
 * the stored run's JSON columns (training.queue.RunJson). Jackson's defaults, on purpose: a field this
 * ConvLab does not know is skipped, so a file or row written by a newer ConvLab still reads. What
 * people send (specs, settings) goes through {@link org.convlab.model.StrictJson} instead.
 */
public final class OwnJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** For run.json, which people open: indented; everything else is compact. */
    public static final ObjectWriter INDENTED = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private OwnJson() {}
}
