package org.convlab.dataset.library;

/** A data set cannot be used, imported or drawn as asked; the message says why in a learner's words. */
public class DatasetRefused extends RuntimeException {

    public DatasetRefused(String message) {
        super(message);
    }
}
