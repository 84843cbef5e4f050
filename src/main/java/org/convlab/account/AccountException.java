package org.convlab.account;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.util.List;

/**
 * A request about accounts or classes that was refused, with a one-line reason a learner or teacher
 * can act on. Nothing was changed. For a class list, {@link #problems()} holds every bad line, so a
 * teacher can fix the file in one go.
 */
public class AccountException extends TextException {

    private final List<String> problems;

    /** A refusal already in words (English); shown as written in every language. */
    public AccountException(String message) {
        this(Text.of("account.as-written", message), List.of(message));
    }

    /** A refusal in words each reader sees in their own language. */
    public AccountException(Text text) {
        this(text, List.of(text.toString()));
    }

    private AccountException(Text text, List<String> problems) {
        super(text);
        this.problems = List.copyOf(problems);
    }

    /** One exception for several problems: the message names the first and counts the others. */
    public static AccountException of(List<String> problems) {
        String message = problems.getFirst();
        if (problems.size() > 1) {
            int more = problems.size() - 1;
            message += " (and " + more + (more == 1 ? " more problem)" : " more problems)");
        }
        return new AccountException(Text.of("account.as-written", message), problems);
    }

    public List<String> problems() {
        return problems;
    }
}
