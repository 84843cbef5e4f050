package org.convlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.RuleJson;

/** An assignment set for one class: what to do, the rules a submitted run is graded by, and when it is due. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id")
    private SchoolClass schoolClass;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private String instructions;

    @Column(name = "rules_json", nullable = false)
    private String rulesJson;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(length = 60)
    private String template;

    /** The written questions beside the rules, a JSON array of strings (WrittenWork). */
    @Column(name = "questions_json", nullable = false)
    private String questionsJson = "[]";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Assignment() {}

    public Assignment(SchoolClass schoolClass, String title, String instructions, List<Rule> rules, Instant dueAt,
            String template) {
        this(schoolClass, title, instructions, rules, List.of(), dueAt, template);
    }

    public Assignment(SchoolClass schoolClass, String title, String instructions, List<Rule> rules,
            List<String> questions, Instant dueAt, String template) {
        this.schoolClass = schoolClass;
        this.title = title;
        this.instructions = instructions;
        this.rulesJson = RuleJson.write(rules);
        this.questionsJson = WrittenWork.writeQuestions(questions);
        this.dueAt = micros(dueAt);
        this.template = template;
        // What the database keeps (microseconds), so a saved assignment equals the one in hand.
        this.createdAt = micros(Instant.now());
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }
    public SchoolClass getSchoolClass() { return schoolClass; }
    public String getTitle() { return title; }
    public String getInstructions() { return instructions; }
    public List<Rule> getRules() { return RuleJson.parse(rulesJson); }
    public List<String> getQuestions() { return WrittenWork.parseQuestions(questionsJson); }
    public Instant getDueAt() { return dueAt; }
    public String getTemplate() { return template; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** Whether a submission at {@code when} is past the due date. */
    public boolean isLate(Instant when) {
        return dueAt != null && when.isAfter(dueAt);
    }

    public void change(String title, String instructions, List<Rule> rules, List<String> questions, Instant dueAt) {
        this.title = title;
        this.instructions = instructions;
        this.rulesJson = RuleJson.write(rules);
        this.questionsJson = WrittenWork.writeQuestions(questions);
        this.dueAt = micros(dueAt);
        this.updatedAt = micros(Instant.now());
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
