package org.convlab.classroom.grading;

import java.util.List;
import org.convlab.i18n.Text;

/** A run's grade on an assignment: one result per rule, in the assignment's order. */
public record Grade(List<RuleResult> results) {

    public Grade {
        results = List.copyOf(results);
    }

    public int passed() {
        return (int) results.stream().filter(RuleResult::passed).count();
    }

    public int total() {
        return results.size();
    }

    public boolean allPassed() {
        return passed() == total();
    }

    /** "3 of 4 rules passed". */
    public Text summary() {
        return Text.count("classroom.grade.summary", total(), (long) passed());
    }
}
