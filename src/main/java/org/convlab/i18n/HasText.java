package org.convlab.i18n;

/**
 * A refusal that carries its words as a {@link Text}, whatever it extends: a {@link TextException},
 * or an {@code IllegalArgumentException} kept for callers that expect one. Pages, the API and the
 * command line show {@link #text()} in the reader's language.
 */
public interface HasText {

    Text text();
}
