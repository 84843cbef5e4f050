package org.convlab.training.engine;

import org.convlab.i18n.HasText;
import org.convlab.i18n.Text;

/**
 * Something the learner named that the engine refuses: a setting it does not know (an optimizer, a
 * device, a learning-rate schedule, a recipe), a folder that is not a run it can read or replace, a
 * layer or position a network does not have. Still an IllegalArgumentException for the parsers and
 * callers that expect one (pruning, the pages), with its words as a {@link Text}, so the command
 * line writes them in the language of the process.
 */
public final class RefusedArgument extends IllegalArgumentException implements HasText {

    private final transient Text text;

    RefusedArgument(Text text) {
        super(text.toString());
        this.text = text;
    }

    RefusedArgument(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
