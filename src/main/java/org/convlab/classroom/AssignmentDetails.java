package org.convlab.classroom;

import java.time.Instant;
import java.util.List;
import org.convlab.classroom.grading.Rule;

/** An assignment as pages show it. */
public record AssignmentDetails(long id, long classId, String className, String title, String instructions,
        List<Rule> rules, Instant dueAt, String template, Instant createdAt, List<String> questions) {

    static AssignmentDetails of(Assignment a) {
        SchoolClass c = a.getSchoolClass();
        return new AssignmentDetails(a.getId(), c.getId(), c.getName(), a.getTitle(), a.getInstructions(),
                a.getRules(), a.getDueAt(), a.getTemplate(), a.getCreatedAt(), a.getQuestions());
    }

    /** The draft that would recreate it, for the editor. */
    public AssignmentDraft draft() {
        return new AssignmentDraft(classId, title, instructions, rules, dueAt, template, questions);
    }
}
