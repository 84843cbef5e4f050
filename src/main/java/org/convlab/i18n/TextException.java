package org.convlab.i18n;

/**
 * A refusal the learner reads: its words are a {@link Text}, so each page shows it in the reader's
 * language, while {@link #getMessage()} stays English for logs and for callers that never show it.
 */
public class TextException extends RuntimeException implements HasText {

    private final transient Text text;

    public TextException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public TextException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
