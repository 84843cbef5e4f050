package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quiz speaks proper English whatever numbers come up: no "1 channels", no "channel(s)", no
 * "a 8×8". Many sets are generated per lesson, so every branch of every generator is met.
 */
class QuizWordingTest {

    private static final Map<Lesson, Function<RandomGenerator, List<QuizQuestion>>> GENERATORS = Map.of(
            Lesson.MATRICES, MatricesLessonView::questions,
            Lesson.CONVOLUTION, ConvolutionLessonView::questions,
            Lesson.RELU, ReluLessonView::questions,
            Lesson.POOLING, PoolingLessonView::questions,
            Lesson.XO, XoLessonView::questions,
            Lesson.STACKING, StackingLessonView::questions,
            Lesson.FULLY_CONNECTED, FullyConnectedLessonView::questions,
            Lesson.BEYOND_IMAGES, BeyondImagesLessonView::questions,
            Lesson.LEARNING, LearningLessonView::questions);

    /** "1 channels" (not "11 channels"), "channel(s)" and an "a" before a number said with a vowel. */
    private static final Pattern BAD = Pattern.compile(
            "(?<![\\d.,])1 (channels|filters|units|kernels|values|pixels)\\b|\\w\\(s\\)|(?i)\\ba (8|11|18)");

    private static List<String> texts(Lesson lesson, int sets) {
        List<String> texts = new ArrayList<>();
        Random random = new Random(lesson.ordinal());
        for (int i = 0; i < sets; i++) {
            GENERATORS.get(lesson).apply(random).forEach(q -> texts.add(q.prompt() + " " + q.explanation()));
        }
        for (ConceptQuestion question : ConceptQuestion.of(lesson)) {
            texts.add(question.question());
            question.choices().forEach(c -> texts.add(c.text() + " " + c.explanation()));
        }
        return texts;
    }

    @Test
    void noQuestionMisCountsOrPutsAWrongArticleBeforeANumber() {
        assertThat(GENERATORS).hasSize(Lesson.values().length);
        for (Lesson lesson : Lesson.values()) {
            for (String text : texts(lesson, 400)) {
                assertThat(BAD.matcher(text).find()).as(lesson.slug() + ": " + text).isFalse();
                assertThat(text).as(lesson.slug()).doesNotContain("A 8×8", "channel(s)", "{", "}");
            }
        }
    }

    @Test
    void oneChannelIsSingularAndThreeArePlural() {
        List<String> prompts = texts(Lesson.FULLY_CONNECTED, 200);
        assertThat(prompts).anyMatch(p -> p.contains(" with 1 channel goes into "))
                .anyMatch(p -> p.contains(" with 3 channels goes into "));
        assertThat(texts(Lesson.STACKING, 200)).anyMatch(p -> p.contains("an input with 1 channel."))
                .anyMatch(p -> p.contains("an input with 16 channels."));
    }

    @Test
    void theBadPatternCatchesWhatTheOldWordingSaid() {
        assertThat(BAD.matcher("A 8×8 picture with 1 channel(s) goes into 8 dense units.").find()).isTrue();
        assertThat(BAD.matcher("gets an input with 1 channels. How many").find()).isTrue();
        assertThat(BAD.matcher("How many numbers describe a 8×8 colour picture?").find()).isTrue();
        assertThat(BAD.matcher("A 11×11 map").find()).isTrue();
        assertThat(BAD.matcher("an input with 11 channels; a 28×28 image; an 8×8 one").find()).isFalse();
    }
}
