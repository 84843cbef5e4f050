package org.convlab.training.engine;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;

/**
 * A neuron the learner asked about that the network does not have (a layer past the last, a map or
 * position outside a layer's output): one line in the reader's language, for the explain command,
 * the pages and the API alike.
 */
public class ExplainRefused extends TextException {

    public ExplainRefused(Text text) {
        super(text);
    }
}
