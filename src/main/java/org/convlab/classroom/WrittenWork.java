package org.convlab.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.classroom.AssignmentException.Problem;
import org.convlab.training.engine.OwnJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The written part of an assignment: the questions a teacher asks beside the rules, the learner's
 * answers, and the teacher's mark and comment. Every bound lives here and is checked in the service,
 * whatever page or request the text came from; each refusal is one sentence naming what is wrong.
 * Questions and answers are stored as JSON arrays.
 */
public final class WrittenWork {

    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_QUESTION = 500;
    public static final int MAX_ANSWER = 5_000;
    public static final int MAX_COMMENT = 2_000;
    public static final int MIN_MARK = 0;
    public static final int MAX_MARK = 100;
    /** Fashion-MNIST's training set; a run told to use fewer images was trained on a subset. */
    public static final int FULL_TRAINING_SET = 60_000;

    /** What ConvLab stores and reads back itself (docs/architecture.md, JSON). */
    private static final JsonMapper MAPPER = OwnJson.MAPPER;
    private static final TypeReference<List<String>> QUESTIONS = new TypeReference<>() {};
    private static final TypeReference<List<WrittenAnswer>> ANSWERS = new TypeReference<>() {};

    private WrittenWork() {}

    /** The questions stripped, with every problem named by question ("question 2"); none is fine. */
    static List<String> questions(List<String> questions, List<Problem> problems) {
        List<String> clean = new ArrayList<>();
        if (questions == null) {
            return clean;
        }
        if (questions.size() > MAX_QUESTIONS) {
            problems.add(new Problem("questions", Text.of("classroom.refusal.questions.too-many", (long) MAX_QUESTIONS)));
            return clean;
        }
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i) == null ? "" : questions.get(i).strip();
            String field = "question " + (i + 1);
            if (q.isEmpty()) {
                problems.add(new Problem(field, Text.of("classroom.refusal.question.empty", (long) i + 1)));
            } else if (q.length() > MAX_QUESTION) {
                problems.add(new Problem(field, Text.of("classroom.refusal.question.too-long", (long) i + 1,
                        String.valueOf(MAX_QUESTION))));
            } else if (hasControlCharacters(q, false)) {
                problems.add(new Problem(field, Text.of("classroom.refusal.question.control", (long) i + 1)));
            }
            clean.add(q);
        }
        return clean;
    }

    /**
     * The learner's answers paired with the assignment's questions. {@code answers} may be shorter
     * than the questions (the rest are left blank) but not longer; each answer is bounded.
     */
    static List<WrittenAnswer> answers(List<String> questions, List<String> answers) {
        List<String> given = answers == null ? List.of() : answers;
        if (given.size() > questions.size()) {
            throw new AssignmentException(questions.isEmpty() ? Text.of("classroom.refusal.answers.no-questions")
                    : Text.count("classroom.refusal.answers.count", questions.size(), (long) given.size()));
        }
        List<WrittenAnswer> paired = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String a = i < given.size() && given.get(i) != null ? given.get(i).strip() : "";
            if (a.length() > MAX_ANSWER) {
                throw new AssignmentException(Text.of("classroom.refusal.answer.too-long", (long) i + 1,
                        (long) MAX_ANSWER, (long) a.length()));
            }
            if (hasControlCharacters(a, true)) {
                throw new AssignmentException(Text.of("classroom.refusal.answer.control", (long) i + 1));
            }
            paired.add(new WrittenAnswer(questions.get(i), a));
        }
        return paired;
    }

    /** A mark from 0 to 100 or none, and a comment of bounded length (blank: none). */
    static String comment(Integer mark, String comment) {
        if (mark != null && (mark < MIN_MARK || mark > MAX_MARK)) {
            throw new AssignmentException(Text.of("classroom.refusal.mark", (long) MIN_MARK, (long) MAX_MARK, String.valueOf(mark)));
        }
        String c = comment == null ? "" : comment.strip();
        if (c.length() > MAX_COMMENT) {
            throw new AssignmentException(Text.of("classroom.refusal.comment.too-long", (long) MAX_COMMENT,
                    (long) c.length()));
        }
        if (hasControlCharacters(c, true)) {
            throw new AssignmentException(Text.of("classroom.refusal.comment.control"));
        }
        return c.isEmpty() ? null : c;
    }

    /**
     * How many training images a run used when it was told to use fewer than the full training set;
     * null when it used them all.
     */
    public static Integer trainImages(Integer limit) {
        return limit != null && limit > 0 && limit < FULL_TRAINING_SET ? limit : null;
    }

    /** "Trained on the first 2,000 of 60,000 training images." or empty for the full set. */
    public static Optional<Text> subsetNote(Integer trainImages) {
        return trainImages == null ? Optional.empty()
                : Optional.of(Text.of("classroom.subset-note", (long) trainImages, (long) FULL_TRAINING_SET));
    }

    static String writeQuestions(List<String> questions) {
        return MAPPER.writerFor(QUESTIONS).writeValueAsString(questions);
    }

    static List<String> parseQuestions(String json) {
        try {
            List<String> q = json == null ? null : MAPPER.readValue(json, QUESTIONS);
            return q == null ? List.of() : q.stream().map(s -> s == null ? "" : s).toList();
        } catch (JacksonException e) {
            return List.of();
        }
    }

    static String writeAnswers(List<WrittenAnswer> answers) {
        return MAPPER.writerFor(ANSWERS).writeValueAsString(answers);
    }

    static List<WrittenAnswer> parseAnswers(String json) {
        try {
            List<WrittenAnswer> a = json == null ? null : MAPPER.readValue(json, ANSWERS);
            return a == null ? List.of() : a.stream().filter(x -> x != null).toList();
        } catch (JacksonException e) {
            return List.of();
        }
    }

    /** Control characters other than line breaks and tabs (when {@code multiline}) are not text anyone typed. */
    private static boolean hasControlCharacters(String s, boolean multiline) {
        return s.chars().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    }
}
