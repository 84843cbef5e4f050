package org.convlab.classroom;

import java.util.List;

/**
 * Something about an assignment or a submission that cannot be done as asked (a missing title, an
 * impossible rule, a run still training). The message is written for the person who asked; for an
 * edit, {@link #problems()} names the field each problem belongs to so a form can show it there.
 */
public class AssignmentException extends IllegalArgumentException {

    /** One problem with an edit. {@code field}: "class", "title", "instructions", "due", "rules", "rule N", "questions" or "question N" (from 1). */
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public AssignmentException(String message) {
        super(message);
        this.problems = List.of(new Problem("", message));
    }

    public AssignmentException(List<Problem> problems) {
        super(String.join(" ", problems.stream().map(Problem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
