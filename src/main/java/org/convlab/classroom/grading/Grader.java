package org.convlab.classroom.grading;

import java.util.List;

/**
 * Grades a run against an assignment's rules. Grading reads only what the run stored when it
 * finished, so grading the same run with the same rules always gives the same grade.
 */
public final class Grader {

    private Grader() {}

    public static Grade grade(List<Rule> rules, GradedRun run) {
        return new Grade(rules.stream().map(rule -> rule.check(run)).toList());
    }
}
