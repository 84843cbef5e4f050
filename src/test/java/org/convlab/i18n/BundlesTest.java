package org.convlab.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every language has every text, no text is left over that no code asks for, and no code asks for a
 * text that is not there. Covers the interface's bundles ({@code i18n/}) and the lessons' words
 * ({@code lessons/}, {@code lessons/quiz/}).
 */
class BundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java");
    static final List<String> LANGUAGES = List.of("de", "es");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    /** File names in code that look like keys of a bundle ("run.json", "dataset.json"). */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(json|zip|csv|gz|idx|params|png|txt|properties|pt)$");

    @Test
    void everyLanguageHasEveryTextAndNoOther() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path base : baseBundles()) {
            Properties english = load(base);
            for (String language : LANGUAGES) {
                Path translated = base.resolveSibling(base.getFileName().toString().replace(".properties", "_" + language + ".properties"));
                if (!Files.exists(translated)) {
                    problems.add(translated + " is missing");
                    continue;
                }
                Properties other = load(translated);
                for (String key : english.stringPropertyNames()) {
                    if (!other.containsKey(key)) {
                        problems.add(translated + " lacks " + key);
                    } else if (!placeholders(english.getProperty(key)).equals(placeholders(other.getProperty(key)))) {
                        problems.add(translated + " " + key + " has placeholders " + placeholders(other.getProperty(key))
                                + ", English has " + placeholders(english.getProperty(key)));
                    }
                }
                for (String key : other.stringPropertyNames()) {
                    if (!english.containsKey(key)) {
                        problems.add(translated + " has " + key + ", which English lacks");
                    }
                    if (other.getProperty(key).isBlank()) {
                        problems.add(translated + " " + key + " is blank");
                    }
                }
            }
            english.stringPropertyNames().stream().filter(k -> english.getProperty(k).isBlank())
                    .forEach(k -> problems.add(base + " " + k + " is blank"));
        }
        assertThat(problems).as("bundle problems").isEmpty();
    }

    /**
     * Texts that read the same in German or Spanish as in English on purpose: code words, and the
     * pooling names Spanish courses use as they are.
     */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("cli.help.option.train.optimizer",
            "lesson.page-title.relu", "lesson.page-title.pooling", "training.dashboard.page-title",
            "model.layer-kind.maxpool", "model.layer-kind.avgpool", "run.trace.pool.max-label",
            "run.trace.pool.mean-label", "training.variant.max-pooling", "training.variant.average-pooling");

    /** A text of two words or more left in English in another language is a text not yet translated. */
    @Test
    void noTextIsLeftInEnglish() throws IOException {
        List<String> english = new ArrayList<>();
        for (Path base : baseBundles()) {
            Properties source = load(base);
            for (String language : LANGUAGES) {
                Path translated = base.resolveSibling(base.getFileName().toString().replace(".properties", "_" + language + ".properties"));
                if (!Files.exists(translated)) {
                    continue;
                }
                Properties other = load(translated);
                for (String key : source.stringPropertyNames()) {
                    String value = source.getProperty(key);
                    if (value.equals(other.getProperty(key)) && !key.endsWith(".section")
                            && !SAME_IN_EVERY_LANGUAGE.contains(key) && Pattern.compile("\\p{L}{2,}\\P{L}+\\p{L}{2,}").matcher(value).find()) {
                        english.add(translated.getFileName() + ": " + key + " = " + value);
                    }
                }
            }
        }
        assertThat(english).as("texts still in English").isEmpty();
    }

    @Test
    void everyInterfaceTextIsUsedByCode() throws IOException {
        Set<String> literals = literals(SOURCES);
        List<String> unused = new ArrayList<>();
        for (Path base : interfaceBundles()) {
            for (String key : load(base).stringPropertyNames()) {
                if (!used(key, literals, 2)) {
                    unused.add(base.getFileName() + ": " + key);
                }
            }
        }
        assertThat(unused).as("keys no code uses").isEmpty();
    }

    @Test
    void everyLessonTextIsUsedByTheLessonPages() throws IOException {
        Set<String> literals = literals(SOURCES.resolve("org/convlab/lesson"));
        List<String> unused = new ArrayList<>();
        for (Path base : baseBundles()) {
            if (!base.startsWith(RESOURCES.resolve("lessons"))) {
                continue;
            }
            for (String key : load(base).stringPropertyNames()) {
                if (!used(key, literals, 1) && !key.startsWith("quiz.")) {
                    unused.add(base + ": " + key);
                }
            }
        }
        assertThat(unused).as("lesson keys no lesson page uses").isEmpty();
    }

    @Test
    void everyKeyTheCodeAsksForIsThere() throws IOException {
        Set<String> bundles = interfaceBundles().stream()
                .map(p -> p.getFileName().toString().replace(".properties", "")).collect(Collectors.toSet());
        Set<String> keys = new TreeSet<>();
        for (Path base : interfaceBundles()) {
            keys.addAll(load(base).stringPropertyNames());
        }
        // A lesson's own keys ("training.title" of lesson 9) are asked of its lesson file, not of i18n/.
        Set<String> lessonKeys = new TreeSet<>();
        for (Path base : baseBundles()) {
            if (base.startsWith(RESOURCES.resolve("lessons"))) {
                lessonKeys.addAll(load(base).stringPropertyNames());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Path file : SourceText.javaFiles(SOURCES)) {
            for (SourceText.Literal literal : SourceText.literals(file)) {
                String text = literal.text();
                int dot = text.indexOf('.');
                if (dot <= 0 || !bundles.contains(text.substring(0, dot)) || !text.matches("[a-z0-9.-]+[a-z0-9]")
                        || FILE_NAME.matcher(text).matches() || lessonKeys.contains(text)) {
                    continue;
                }
                if (!keys.contains(text) && !keys.contains(text + ".one")
                        && keys.stream().noneMatch(k -> k.startsWith(text + "."))) {
                    missing.add(literal.toString());
                }
            }
        }
        assertThat(missing).as("keys asked for but in no bundle").isEmpty();
    }

    /**
     * A key is used when code names it, names it without its plural ending, or names a family it
     * belongs to ({@code "training.layer." + kind}), where a family has at least {@code depth} parts.
     */
    private static boolean used(String key, Set<String> literals, int depth) {
        if (literals.contains(key)) {
            return true;
        }
        String singular = key.replaceFirst("\\.(one|other)$", "");
        if (literals.contains(singular)) {
            return true;
        }
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            String family = key.substring(0, dot + 1);
            if (family.chars().filter(c -> c == '.').count() >= depth && literals.contains(family)) {
                return true;
            }
            // A lesson's section names its own keys: section("try-it") reads try-it.title and try-it.1.
            if (depth == 1 && literals.contains(key.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    static List<Path> baseBundles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(RESOURCES.resolve("i18n")), Files.walk(RESOURCES.resolve("lessons")))) {
            return files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().matches(".*_[a-z]{2}\\.properties")).sorted().toList();
        }
    }

    static List<Path> interfaceBundles() throws IOException {
        return baseBundles().stream().filter(p -> p.startsWith(RESOURCES.resolve("i18n"))).toList();
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> literals(Path root) {
        Set<String> literals = new TreeSet<>();
        for (Path file : SourceText.javaFiles(root)) {
            SourceText.literals(file).forEach(l -> literals.add(l.text()));
        }
        return literals;
    }
}
