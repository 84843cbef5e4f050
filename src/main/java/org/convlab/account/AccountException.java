package org.convlab.account;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.util.List;

/**
 * A request about accounts or classes that was refused, with a one-line reason a learner or teacher
 * can act on. Nothing was changed. For a class list, {@link #problemTexts()} holds every bad line, so a
 * teacher can fix the file in one go, each line in the reader's language.
 */
public class AccountException extends TextException {

    private final List<Text> problems;

    /** A refusal already in words (English); shown as written in every language. */
    public AccountException(String message) {
        this(Text.of("account.as-written", message));
    }

    /** A refusal in words each reader sees in their own language. */
    public AccountException(Text text) {
        this(text, List.of(text));
    }

    private AccountException(Text text, List<Text> problems) {
        super(text);
        this.problems = List.copyOf(problems);
    }

    /**
     * One exception for several problems, each read in the reader's language (a class list's bad lines).
     *
     * @param message the whole refusal in a sentence (usually the first problem and how many more)
     */
    public static AccountException of(Text message, List<Text> problems) {
        return new AccountException(message, problems);
    }

    /** Every problem in English, for logs and tests. */
    public List<String> problems() {
        return problems.stream().map(Text::toString).toList();
    }

    /** Every problem, to be written in the reader's language. */
    public List<Text> problemTexts() {
        return problems;
    }
}
