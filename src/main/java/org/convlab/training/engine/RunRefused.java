package org.convlab.training.engine;

import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.model.InvalidModelException;

/**
 * A run the queue refuses before anything is queued, with its one line as a {@link Text}, so each
 * page (and the API, by Accept-Language) shows it in the reader's language. It is an
 * {@link InvalidModelException}, so every way in shows it as it shows any other setting that cannot
 * be trained; {@link #getMessage()} stays English for logs.
 */
public class RunRefused extends InvalidModelException {

    private final transient List<Text> texts;

    public RunRefused(Text text) {
        this(List.of(text));
    }

    /** One refusal per line (at least one). */
    public RunRefused(List<Text> texts) {
        super(texts.stream().map(Text::toString).toList());
        this.texts = List.copyOf(texts);
    }

    /** The refusal's words, to be written in the reader's language: its only line, or every line joined. */
    public Text text() {
        Text all = texts.getFirst();
        for (Text next : texts.subList(1, texts.size())) {
            all = Text.of("training.refused.and", all, next);
        }
        return all;
    }

    /** Each problem on its own. */
    public List<Text> texts() {
        return texts;
    }
}
