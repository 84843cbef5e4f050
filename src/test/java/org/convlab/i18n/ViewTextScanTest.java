package org.convlab.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No view writes its words in code: every string literal in a {@code ui} package that reads as text
 * for a person fails this test, unless it is on the short list below of things that are not text
 * (names that stay the same in every language, CSS, JavaScript, keys, routes).
 *
 * <p>Run it for one package while translating: {@code -Di18n.scan=org/convlab/training/ui}.
 */
class ViewTextScanTest {

    /** Words that read the same in every language: names, code terms and symbols (each says why). */
    private static final Set<String> NOT_TEXT = Set.of(
            "ConvLab",                                  // the app's name
            "Fashion-MNIST", "MNIST",                   // the data sets' names
            "ReLU", "Softmax", "Adam", "SGD", "DJL", "PyTorch", "Keras", "CNN", "GPU", "CPU", // code terms
            "X", "O", "Grad-CAM");                      // the lesson's two letters; a method's name

    /** Literals that are code, not text: keys, CSS, JavaScript, HTML, routes, formats. */
    private static final List<Pattern> CODE = List.of(
            Pattern.compile("[a-z0-9_-]+(\\.[a-zA-Z0-9_-]+)+\\.?"),   // a bundle key or a family of keys
            Pattern.compile(".*(var\\(--|calc\\(|rgba?\\(|\\d(px|em|rem|%|fr|vh|vw)\\b|!important).*", Pattern.DOTALL), // CSS
            Pattern.compile(".*(=>|\\bthis\\.|\\bdocument\\.|\\bwindow\\.|\\$\\d|\\breturn\\b|\\bconst\\b|;\\s*$|\\(\\)).*", Pattern.DOTALL), // JavaScript
            Pattern.compile(".*</?[a-z][a-z0-9-]*[ >].*", Pattern.DOTALL),  // HTML
            Pattern.compile(".*%[-0-9.,]*[sdfx%].*"),                     // a format string
            Pattern.compile("[A-Za-z0-9_/.:?&=#{}-]*"));                  // a route, id, class name or single token

    @Test
    void viewsWriteNoTextInCode() {
        String only = System.getProperty("i18n.scan", "");
        List<String> text = SourceText.javaFiles(BundlesTest.SOURCES).stream()
                .filter(p -> p.toString().contains("/ui/") && p.toString().contains(only))
                .flatMap(p -> SourceText.literals(p).stream())
                .filter(l -> isText(l.text()) && !forDevelopers(l.before()))
                .map(SourceText.Literal::toString)
                .toList();
        assertThat(text).as("user-facing text written in view code").isEmpty();
    }

    /**
     * Whether the code before a literal makes it a log line or a programmer's exception: text for the
     * people who run and build ConvLab, kept in English.
     */
    static boolean forDevelopers(String before) {
        return DEVELOPERS.matcher(before).find();
    }

    private static final Pattern DEVELOPERS = Pattern.compile(
            "(\\blog\\.(trace|debug|info|warn|error)\\(|new (IllegalArgument|IllegalState|UncheckedIO|Assertion|UnsupportedOperation)"
            + "(Exception|Error)\\(|requireNonNull\\()[^;]*$");

    /** Whether a literal reads as words for a person: two words, or one capitalised word, that are not code. */
    static boolean isText(String literal) {
        String s = literal.strip();
        if (NOT_TEXT.contains(s) || s.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        boolean words = Pattern.compile("\\p{L}{2,}[^\\p{L}\\n]+\\p{L}{2,}").matcher(s).find();
        boolean capitalised = s.matches("\\p{Lu}\\p{Ll}+.*");
        if (!words && !capitalised) {
            return false;
        }
        if (words && !s.contains(" ") && !s.contains("\n")) {
            // "relu-layer", "conv2d_1": one token, so code, unless capitalised like a word ("Train").
            return capitalised && s.matches("\\p{Lu}\\p{Ll}+");
        }
        return CODE.stream().noneMatch(p -> p.matcher(s).matches()) || capitalised && s.matches("\\p{Lu}\\p{Ll}+");
    }
}
