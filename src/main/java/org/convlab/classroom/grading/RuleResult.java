package org.convlab.classroom.grading;

import org.convlab.i18n.Text;

/**
 * How one run fared against one rule, in words written when someone reads them: the teacher sees a
 * learner's result in the teacher's language, the learner in theirs.
 *
 * @param rule the rule in words ("At least 2 convolution layers")
 * @param explanation one line with the run's own numbers ("The model has 3 convolution layers.")
 */
public record RuleResult(Text rule, boolean passed, Text explanation) {

    /**
     * Words shown exactly as written, in every language: a data set's name, and the English sentences
     * that results stored before ConvLab spoke other languages hold.
     */
    public static final String AS_WRITTEN = "classroom.rule.as-written";

    /** A result stored as English sentences (before results were stored as keys), shown as it is. */
    public static RuleResult asWritten(String rule, boolean passed, String explanation) {
        return new RuleResult(Text.of(AS_WRITTEN, rule), passed, Text.of(AS_WRITTEN, explanation));
    }
}
