package org.convlab.model.ui;

import java.util.Map;

/** What each preset is, in a few words, for the "Start from" list. */
final class PresetDescriptions {

    private static final Map<String, String> TEXT = Map.of(
            "dense", "one hidden dense layer, no convolution",
            "baseline-cnn", "one convolution and pooling, deck 004's baseline",
            "keras-cnn", "two convolution + pooling blocks, deck 002",
            "linear-cnn", "convolution without activation",
            "deep-cnn", "batch norm, dropout and leaky ReLU");

    private PresetDescriptions() {}

    static String label(String preset) {
        String text = TEXT.get(preset);
        return text == null ? preset : preset + " — " + text;
    }
}
