package org.convlab.classroom;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convlab.i18n.Translations;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.Rule.MaxConvLayers;
import org.convlab.classroom.grading.Rule.MaxEpochs;
import org.convlab.classroom.grading.Rule.MaxFilters;
import org.convlab.classroom.grading.Rule.MaxParams;
import org.convlab.classroom.grading.Rule.MinConvLayers;
import org.convlab.classroom.grading.Rule.MinPoolingLayers;
import org.convlab.classroom.grading.Rule.MinTestAccuracy;
import org.convlab.classroom.grading.Rule.Penalty;
import org.convlab.classroom.grading.Rule.Pooling;
import org.convlab.classroom.grading.Rule.PoolingType;
import org.convlab.classroom.grading.Rule.RequiresAugmentation;
import org.convlab.classroom.grading.Rule.RequiresBatchNorm;
import org.convlab.classroom.grading.Rule.RequiresDropout;
import org.convlab.classroom.grading.Rule.RequiresWeightPenalty;

/**
 * Ready-made assignments from the course decks. A submission is one run, so an exercise that
 * compares two models (fully connected against convolutional) or one setting against another
 * (each of deck 004's experiments) becomes one template per graded run; the comparison itself is
 * the question the instructions ask. Thresholds are set so that a model built the way the
 * instructions say reaches them on Fashion-MNIST within the epochs allowed.
 *
 * <p>The words live in the classroom bundle under {@code classroom.template.<id>.}: a teacher picks a
 * template in their own language, and the assignment made from it keeps that text as the teacher's
 * own (it is stored, and the teacher may change it), so a template is read once, in one language.
 */
public final class AssignmentTemplates {

    /**
     * A template written in one language.
     *
     * @param id stored with an assignment made from it
     * @param source which deck and exercise it comes from
     * @param questions what the learner answers in writing when handing in: the exercise's questions
     */
    public record AssignmentTemplate(String id, String source, String title, String instructions, List<Rule> rules,
            List<String> questions) {}

    /** What a template is apart from its words: the rules, and how many written questions it asks. */
    private record Exercise(String id, int questions, List<Rule> rules) {

        AssignmentTemplate in(Locale locale) {
            String key = KEYS + id + ".";
            return new AssignmentTemplate(id, Translations.get(locale, key + "source"),
                    Translations.get(locale, key + "title"), Translations.get(locale, key + "instructions"), rules,
                    IntStream.rangeClosed(1, questions).mapToObj(n -> Translations.get(locale, key + "question." + n))
                            .toList());
        }
    }

    private static final String KEYS = "classroom.template.";

    private static final List<Exercise> ALL = List.of(
            new Exercise("deeper-cnn", 3,
                    List.of(new MinConvLayers(2), new MinPoolingLayers(2), new MinTestAccuracy(0.88), new MaxEpochs(10))),
            new Exercise("pooling-type", 3,
                    List.of(new PoolingType(Pooling.AVERAGE), new MinPoolingLayers(1), new MinTestAccuracy(0.80),
                    new MaxEpochs(10))),
            new Exercise("batch-norm", 2,
                    List.of(new RequiresBatchNorm(), new MinConvLayers(2), new MinTestAccuracy(0.90), new MaxEpochs(10))),
            new Exercise("augmentation", 2,
                    List.of(new RequiresAugmentation(), new MinConvLayers(1), new MinTestAccuracy(0.85), new MaxEpochs(15))),
            new Exercise("dropout", 2,
                    List.of(new RequiresDropout(), new MinConvLayers(1), new MinTestAccuracy(0.87), new MaxEpochs(10))),
            new Exercise("weight-penalty", 2,
                    List.of(new RequiresWeightPenalty(Penalty.L1_OR_L2), new MinConvLayers(1), new MinTestAccuracy(0.88),
                    new MaxEpochs(15))),
            new Exercise("fully-connected", 3,
                    List.of(new MaxConvLayers(0), new MaxParams(150_000), new MinTestAccuracy(0.85), new MaxEpochs(10))),
            new Exercise("convolutional", 3,
                    List.of(new MinConvLayers(1), new MaxParams(150_000), new MinTestAccuracy(0.89), new MaxEpochs(10))),
            new Exercise("fewer-filters", 3,
                    List.of(new MinConvLayers(1), new MaxFilters(16), new MinTestAccuracy(0.89), new MaxEpochs(10))));

    private AssignmentTemplates() {}

    /** Every template in English. */
    public static List<AssignmentTemplate> all() {
        return all(Locale.ENGLISH);
    }

    /** Every template written in {@code locale} (English where ConvLab does not have that language). */
    public static List<AssignmentTemplate> all(Locale locale) {
        return ALL.stream().map(e -> e.in(locale)).toList();
    }

    /** The template {@code id} in English. */
    public static Optional<AssignmentTemplate> find(String id) {
        return find(id, Locale.ENGLISH);
    }

    /** The template {@code id} written in {@code locale}. */
    public static Optional<AssignmentTemplate> find(String id, Locale locale) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst().map(e -> e.in(locale));
    }
}
