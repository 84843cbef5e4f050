package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Lessons 1–8 take their words from {@code lessons/<slug>.properties} (decision 019): every page
 * builds from its file, shows what the file says, and its Java holds no sentences of its own.
 */
@Tag("database")
@SpringBootTest
class LessonTextFilesTest extends SpringBrowserlessTest {

    /** The views whose words have moved; lesson 9's page is being rewritten separately. */
    static final Map<Lesson, String> VIEWS = Map.of(
            Lesson.MATRICES, "MatricesLessonView",
            Lesson.CONVOLUTION, "ConvolutionLessonView",
            Lesson.RELU, "ReluLessonView",
            Lesson.POOLING, "PoolingLessonView",
            Lesson.XO, "XoLessonView",
            Lesson.STACKING, "StackingLessonView",
            Lesson.FULLY_CONNECTED, "FullyConnectedLessonView",
            Lesson.BEYOND_IMAGES, "BeyondImagesLessonView");

    /** Pieces of those pages with words of their own, read from the convolution lesson's file. */
    static final List<String> PARTS = List.of("RgbConvolution", "ParameterCalculator", "ClassicKernel");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    @Test
    void everyLessonPageBuildsFromItsOwnFileAndShowsIt() throws IOException {
        for (Lesson lesson : VIEWS.keySet()) {
            Properties words = read(lesson);
            assertThat(words.getProperty("intro.1")).as(lesson.slug()).isNotBlank();
            LessonPage page = (LessonPage) navigate(lesson.route(), Component.class);
            String text = page.getElement().getTextRecursively();
            assertThat(text).as(lesson.slug()).contains(words.getProperty("intro.1"),
                    words.getProperty("try-it.title"), words.getProperty("djl.text"));
            // Every placeholder was filled in: a {0} on the page is a value the page forgot to pass.
            assertThat(text).as(lesson.slug()).doesNotContainPattern("\\{\\d+\\}");
        }
    }

    @Test
    void theFilesAreReadAsUtf8() throws IOException {
        assertThat(read(Lesson.CONVOLUTION).getProperty("kernel.FALLING_DIAGONAL")).endsWith("diagonal \\");
        assertThat(read(Lesson.MATRICES).getProperty("intro.1")).contains("28×28");
        assertThat(ClassicKernel.CROSS.label()).isEqualTo("X/O filter: cross ×");
    }

    /**
     * No lesson view writes a sentence in Java any more. A literal with five or more words is prose;
     * code samples (text blocks and indented code lines), annotations, comments and the quiz
     * generators (their texts move separately) are left out.
     */
    @Test
    void noLessonViewHoldsASentenceOfItsOwn() throws IOException {
        List<String> prose = new ArrayList<>();
        List<String> sources = new ArrayList<>(VIEWS.values());
        sources.addAll(PARTS);
        for (String view : sources) {
            String source = Files.readString(Path.of("src/main/java/org/convlab/lesson/ui", view + ".java"));
            for (String literal : literals(withoutQuizGenerator(source))) {
                if (!literal.startsWith(" ") && WORD.matcher(literal).results().count() >= 5) {
                    prose.add(view + ": \"" + literal + "\"");
                }
            }
        }
        assertThat(prose).as("sentences that belong in lessons/<slug>.properties").isEmpty();
    }

    @Test
    void theScanFindsASentenceWhereThereIsOne() {
        String source = """
                class A {
                    void a() {
                        text("This sentence should live in a file.");
                        code(\"""
                            a text block with many words in it
                            \""");
                        // "a comment with many words in it"
                        formula("o = floor((W − K) / S) + 1");
                    }

                    static List<QuizQuestion> questions(RandomGenerator random) {
                        return List.of(new QuizQuestion("A quiz prompt with many words in it"));
                    }
                }
                """;
        assertThat(literals(withoutQuizGenerator(source))).containsExactly(
                "This sentence should live in a file.", "o = floor((W − K) / S) + 1");
    }

    private static Properties read(Lesson lesson) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LessonTextFilesTest.class.getResourceAsStream("/lessons/" + lesson.slug() + ".properties")) {
            assertThat(in).as("lessons/" + lesson.slug() + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The string literals of the code: text blocks, comments and annotations removed. */
    static List<String> literals(String source) {
        String code = source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"");
        List<String> literals = new ArrayList<>();
        for (String line : code.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")
                    || trimmed.startsWith("@")) {
                continue;
            }
            Matcher m = LITERAL.matcher(line);
            while (m.find()) {
                if (!m.group(1).isEmpty()) {
                    literals.add(m.group(1));
                }
            }
        }
        return literals;
    }

    /** The source without the {@code questions(…)} method, whose prompts move to lessons/quiz/ separately. */
    static String withoutQuizGenerator(String source) {
        int start = source.indexOf("static List<QuizQuestion> questions(");
        if (start < 0) {
            return source;
        }
        int open = source.indexOf('{', start);
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return source.substring(0, start) + source.substring(i + 1);
            }
        }
        return source.substring(0, start);
    }
}
