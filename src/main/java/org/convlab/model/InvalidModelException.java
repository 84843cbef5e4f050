package org.convlab.model;

import java.util.Arrays;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;

/**
 * A model spec (or training setting) that cannot work; carries every problem found, one per line.
 * Each problem is a {@link Text}, so a page shows it in its reader's language ({@code text()}, or
 * {@link #problemTexts()} one by one); {@link #getMessage()} and {@link #problems()} stay English for
 * logs and for callers that have not been translated yet.
 */
public class InvalidModelException extends TextException {

    private final List<Text> problems;
    private final List<ValidatedModel.LayerInfo> validLayers;

    /** Problems written in English only (not yet translated by their caller): each is shown as it is. */
    public InvalidModelException(List<String> problems) {
        this(List.of(), problems.stream().map(InvalidModelException::verbatim).toArray(Text[]::new));
    }

    /** A problem written in English only (not yet translated by its caller): it is shown as it is. */
    public InvalidModelException(String problem) {
        this(List.of(problem));
    }

    public InvalidModelException(Text problem) {
        this(List.of(), problem);
    }

    /** {@code validLayers}: the layers whose shapes could be worked out, for a builder to show. */
    protected InvalidModelException(List<ValidatedModel.LayerInfo> validLayers, Text... problems) {
        super(whole(Arrays.asList(problems)));
        this.problems = List.of(problems);
        this.validLayers = List.copyOf(validLayers);
    }

    /** Every problem found, in the reader's words. */
    public static InvalidModelException of(List<Text> problems) {
        return of(problems, List.of());
    }

    /** {@code validLayers}: the layers whose shapes could be worked out, for a builder to show. */
    public static InvalidModelException of(List<Text> problems, List<ValidatedModel.LayerInfo> validLayers) {
        return new InvalidModelException(validLayers, problems.toArray(Text[]::new));
    }

    /** A sentence its caller wrote in English only: shown as it is in every language. */
    public static Text verbatim(String problem) {
        return Text.of("model.problem.verbatim", problem);
    }

    /** One problem as it is; several as "the model has 3 problems:" and a list, one per line. */
    private static Text whole(List<Text> problems) {
        if (problems.size() == 1) {
            return problems.getFirst();
        }
        return Text.count("model.problems", problems.size(), joined("model.problems.list-item", problems));
    }

    /** The problems one after another, each before the next joined by {@code key}'s separator ("{0}; {1}"). */
    private static Text joined(String key, List<Text> problems) {
        Text all = problems.isEmpty() ? Text.of("model.problem.verbatim", "") : problems.getFirst();
        for (Text next : problems.subList(Math.min(1, problems.size()), problems.size())) {
            all = Text.of(key, all, next);
        }
        return all;
    }

    /** Every problem on one line ("a; b; c"), in English, for logs and answers not yet translated. */
    public String oneLine() {
        return oneLineText().toString();
    }

    /** Every problem on one line ("3 problems: a; b; c"), for answers that must be one line (the API, the CLI). */
    public Text oneLineText() {
        return problems.size() == 1 ? problems.getFirst()
                : Text.count("model.problems.one-line", problems.size(), joined("model.problems.separator", problems));
    }

    /** The problems in English, one per entry. */
    public List<String> problems() {
        return problems.stream().map(Text::toString).toList();
    }

    /** The problems in the reader's words, one per entry. */
    public List<Text> problemTexts() {
        return problems;
    }

    public List<ValidatedModel.LayerInfo> validLayers() {
        return validLayers;
    }
}
