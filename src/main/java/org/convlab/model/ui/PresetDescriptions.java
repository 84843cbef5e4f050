package org.convlab.model.ui;

import static org.convlab.base.ui.I18n.t;

import org.convlab.i18n.Translations;

/** What each preset is, in a few words, for the "Start from" list. */
final class PresetDescriptions {

    /** A preset's description lives under this family: {@code model.preset.keras-cnn}. */
    private static final String KEYS = "model.preset.";

    private PresetDescriptions() {}

    static String label(String preset) {
        return Translations.has(KEYS + preset) ? t("model.preset.label", preset, t(KEYS + preset)) : preset;
    }
}
