package org.convlab.classroom;

import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;

/**
 * Something about an assignment or a submission that cannot be done as asked (a missing title, an
 * impossible rule, a run still training). The words are a {@link Text}, shown in the reader's
 * language; for an edit, {@link #problems()} names the field each problem belongs to so a form can
 * show it there. {@link #getMessage()} stays English.
 */
public class AssignmentException extends TextException {

    /** Words shown as written in every language (an English sentence made before it was translated). */
    static final String AS_WRITTEN = "classroom.as-written";

    /**
     * One problem with an edit. {@code field}: "class", "title", "instructions", "due", "rules",
     * "rule N", "questions" or "question N" (from 1).
     */
    public record Problem(String field, Text text) {

        public Problem(String field, String message) {
            this(field, Text.of(AS_WRITTEN, message));
        }

        /** The problem in English. */
        public String message() {
            return text.toString();
        }

        /** The same problem: the same field, in the same words (however they were made). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Problem p && field.equals(p.field) && message().equals(p.message());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(field, message());
        }
    }

    private final List<Problem> problems;

    public AssignmentException(String message) {
        this(Text.of(AS_WRITTEN, message));
    }

    public AssignmentException(Text text) {
        super(text);
        this.problems = List.of(new Problem("", text));
    }

    public AssignmentException(List<Problem> problems) {
        super(problems.size() == 1 ? problems.getFirst().text()
                : Text.of(AS_WRITTEN, String.join(" ", problems.stream().map(Problem::message).toList())));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
