package org.convlab.model;

import org.convlab.i18n.Text;

/**
 * A name in a spec that ConvLab does not know ("relux" for an activation): still an
 * IllegalArgumentException for the parsers that expect one, with its words as a {@link Text} so the
 * reader sees them in their language.
 */
final class UnknownNameException extends IllegalArgumentException {

    private final transient Text text;

    UnknownNameException(Text text) {
        super(text.toString());
        this.text = text;
    }

    Text text() {
        return text;
    }
}
