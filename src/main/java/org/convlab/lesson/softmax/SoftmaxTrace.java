package org.convlab.lesson.softmax;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convlab.i18n.Translations;
import org.convlab.lesson.PoolingTrace;
import org.convlab.lesson.ValueFormat;

/**
 * Softmax and cross-entropy, every intermediate value kept.
 *
 * @param exponentials e^(z − maxLogit) for each logit
 * @param loss cross-entropy: −ln of the true class's probability
 */
public record SoftmaxTrace(
        List<Double> logits,
        double maxLogit,
        List<Double> exponentials,
        double exponentialSum,
        List<Double> probabilities,
        int trueClass,
        double loss) {

    public SoftmaxTrace {
        logits = List.copyOf(logits);
        exponentials = List.copyOf(exponentials);
        probabilities = List.copyOf(probabilities);
    }

    /** The computation in sentences, numbers rounded to three decimals. */
    public List<String> explanation() {
        return explanation(Locale.ENGLISH);
    }

    /** {@link #explanation()} in {@code locale}, numbers with its decimal mark (bundle i18n/lesson). */
    public List<String> explanation(Locale locale) {
        ValueFormat f = ValueFormat.plain(locale);
        return List.of(
                Translations.get(locale, "lesson.softmax.logits", list(logits, locale)),
                Translations.get(locale, "lesson.softmax.exponentials", f.format(maxLogit), list(exponentials, locale)),
                Translations.get(locale, "lesson.softmax.probabilities", f.format(exponentialSum),
                        list(probabilities, locale)),
                Translations.get(locale, "lesson.softmax.loss", f.format(probabilities.get(trueClass)), f.format(loss)));
    }

    /** "0.5, 1" in English, "0,5; 1" where the comma is the decimal mark. */
    static String list(List<Double> values, Locale locale) {
        ValueFormat f = ValueFormat.plain(locale);
        return values.stream().map(f::format).collect(Collectors.joining(PoolingTrace.listSeparator(locale)));
    }
}
