package org.convlab.dataset.library;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;

/**
 * A data set cannot be used, imported or drawn as asked; the text says why in a learner's words, in
 * the reader's language ({@link #getMessage()} stays English, for logs and the API's older callers).
 */
public class DatasetRefused extends TextException {

    public DatasetRefused(Text text) {
        super(text);
    }
}
