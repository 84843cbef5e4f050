package org.convlab.classroom;

import java.time.Instant;
import java.util.List;
import org.convlab.classroom.grading.Rule;

/**
 * An assignment as the editor sends it to be created or changed.
 *
 * @param classId the class it is for; ignored when changing (an assignment stays in its class)
 * @param dueAt null for no due date
 * @param template the template it started from, or null
 */
public record AssignmentDraft(Long classId, String title, String instructions, List<Rule> rules, Instant dueAt,
        String template) {

    public AssignmentDraft {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
