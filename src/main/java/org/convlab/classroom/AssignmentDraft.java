package org.convlab.classroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.convlab.classroom.grading.Rule;

/**
 * An assignment as the editor sends it to be created or changed.
 *
 * @param classId the class it is for; ignored when changing (an assignment stays in its class)
 * @param dueAt null for no due date
 * @param template the template it started from, or null
 * @param questions written questions the learner answers when handing in (none is fine)
 */
public record AssignmentDraft(Long classId, String title, String instructions, List<Rule> rules, Instant dueAt,
        String template, List<String> questions) {

    public AssignmentDraft {
        rules = rules == null ? List.of() : List.copyOf(rules);
        // Kept as given (nulls included): the service names each bad question.
        questions = questions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(questions));
    }

    /** An assignment graded by its rules alone, with no written questions. */
    public AssignmentDraft(Long classId, String title, String instructions, List<Rule> rules, Instant dueAt,
            String template) {
        this(classId, title, instructions, rules, dueAt, template, List.of());
    }
}
