package org.convlab.training.engine;

import org.convlab.i18n.Text;

/**
 * A name of a setting ConvLab does not know (an optimizer, a device, a learning-rate schedule, a
 * recipe): still an IllegalArgumentException for the parsers and callers that expect one, with its
 * words as a {@link Text}, so the command line writes them in the language of the process.
 */
public final class UnknownChoice extends IllegalArgumentException {

    private final transient Text text;

    UnknownChoice(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
