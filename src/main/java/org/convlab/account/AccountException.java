package org.convlab.account;

import java.util.List;

/**
 * A request about accounts or classes that was refused, with a one-line reason a learner or teacher
 * can act on. Nothing was changed. For a class list, {@link #problems()} holds every bad line, so a
 * teacher can fix the file in one go.
 */
public class AccountException extends RuntimeException {

    private final List<String> problems;

    public AccountException(String message) {
        this(message, List.of(message));
    }

    private AccountException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** One exception for several problems: the message names the first and counts the others. */
    public static AccountException of(List<String> problems) {
        String message = problems.getFirst();
        if (problems.size() > 1) {
            int more = problems.size() - 1;
            message += " (and " + more + (more == 1 ? " more problem)" : " more problems)");
        }
        return new AccountException(message, problems);
    }

    public List<String> problems() {
        return problems;
    }
}
