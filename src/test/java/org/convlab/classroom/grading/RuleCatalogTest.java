package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adding a grading rule is adding one record to {@link Rule}. These tests hold every record,
 * present and future, to what that one record must bring: a JSON name of its own, wording for the
 * editor and the grade card, inputs the editor can turn into the rule and back, and a check; and
 * they feed each kind the hostile inputs a stored row or the editor could carry.
 */
class RuleCatalogTest {

    /** The rule the editor makes when a teacher picks {@code kind} and changes nothing. */
    static Rule suggested(RuleKind kind) {
        return kind.create(kind.input().numeric() ? kind.suggested() : null,
                kind.choices().isEmpty() ? null : kind.choices().getFirst());
    }

    @Test
    void everyRuleRecordDeclaresItsOwnKindAndTheCatalogListsEachOnceInOrder() {
        List<Class<?>> records = Arrays.asList(Rule.class.getPermittedSubclasses());
        assertThat(records).hasSize(15).allMatch(Class::isRecord);
        assertThat(RuleKind.all()).<Class<?>>extracting(RuleKind::type).containsExactlyElementsOf(records);
        for (RuleKind kind : RuleKind.all()) {
            assertThat(RuleKind.of(suggested(kind))).isSameAs(kind);
            assertThat(suggested(kind)).isInstanceOf(kind.type());
        }
        assertThat(RuleKind.all().getFirst().label().toString()).isEqualTo("At least N convolution layers");
    }

    @Test
    void everyKindHasAJsonNameAndWordingOfItsOwn() {
        assertThat(RuleKind.all()).extracting(RuleKind::name).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z]+(-[a-z0-9]+)*"), "kebab-case");
        assertThat(RuleKind.all()).extracting(k -> k.label().toString()).doesNotHaveDuplicates().allMatch(l -> !l.isBlank());
        for (RuleKind kind : RuleKind.all()) {
            switch (kind.input()) {
                case NONE -> assertThat(kind.unit() == null && kind.choicePrompt() == null).as(kind.name()).isTrue();
                case WHOLE, PERCENT, DECIMAL -> assertThat(kind.unit().toString()).as(kind.name()).isNotBlank();
                case CHOICE -> {
                    assertThat(kind.choicePrompt().toString()).as(kind.name()).isNotBlank();
                    assertThat(kind.choices()).as(kind.name()).isNotEmpty()
                            .allMatch(c -> !c.option().toString().isBlank());
                }
            }
            assertThat(suggested(kind).description().toString()).as(kind.name()).isNotBlank();
        }
    }

    @Test
    void everyKindRoundTripsThroughJsonAndTheEditorAndGradesARun() {
        GradedRun run = SampleRuns.run(SampleRuns.TWO_STAGE_CNN);
        for (RuleKind kind : RuleKind.all()) {
            List<Rule> rules = new ArrayList<>(List.of(suggested(kind)));
            kind.choices().forEach(c -> rules.add(kind.create(null, c)));
            for (Rule rule : rules) {
                String json = RuleJson.write(List.of(rule));
                assertThat(json).startsWith("[{\"kind\":\"" + kind.name() + "\"");
                assertThat(RuleJson.parse(json)).containsExactly(rule);
                assertThat(kind.create(kind.numberOf(rule), kind.choiceOf(rule))).isEqualTo(rule);
                RuleResult result = rule.check(run);
                assertThat(result.rule()).isEqualTo(rule.description());
                assertThat(result.explanation().toString()).as(kind.name()).isNotBlank().endsWith(".").doesNotContain("\n");
            }
        }
    }

    /** Stored JSON of one rule of {@code kind} with its fields as given (name, then raw JSON value). */
    private static String stored(RuleKind kind, String fields) {
        return "[{\"kind\":\"" + kind.name() + "\"" + fields + "}]";
    }

    private static void refused(String json) {
        assertThatThrownBy(() -> RuleJson.parse(json)).as(json).isInstanceOf(InvalidRuleException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void everyKindRefusesHostileStoredJsonInOneLine() {
        int cases = 0;
        for (RuleKind kind : RuleKind.all()) {
            refused(stored(kind, ",\"extra\":1"));
            cases++;
            for (RecordComponent field : kind.type().getRecordComponents()) {
                String f = ",\"" + field.getName() + "\":";
                List<String> bad = new ArrayList<>(List.of("null", "\"x\"", "[]", "{}", "true"));
                if (field.getType().isEnum()) {
                    bad.add("\"NOPE\"");
                } else if (field.getType() == String.class) {
                    // A data set's key and name: empty, blank, a control character, far too long.
                    bad = new ArrayList<>(List.of("null", "[]", "{}", "\"\"", "\" \"", "\"a\\u0000b\"",
                            "\"" + "x".repeat(300) + "\""));
                } else {
                    bad.addAll(List.of("-1", "1e300", "\"-1\""));
                }
                refused(stored(kind, "")); // the field missing
                cases++;
                for (String value : bad) {
                    refused(stored(kind, f + value));
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(15 + 9 * 9 + 2 * 7 + 2 * 8);
    }

    @Test
    void everyKindRefusesImpossibleEditorInputsWithASentence() {
        int cases = 0;
        for (RuleKind kind : RuleKind.all()) {
            List<Runnable> bad = new ArrayList<>();
            if (kind.input().numeric()) {
                for (Double n : new Double[] {null, Double.NaN, Double.POSITIVE_INFINITY, -1.0, 1e300}) {
                    bad.add(() -> kind.create(n, null));
                }
            }
            if (kind.input() == RuleKind.Input.CHOICE) {
                bad.add(() -> kind.create(null, null));
                // An option of another kind (a penalty offered to the pooling rule) is no choice at all.
                RuleKind other = RuleKind.all().stream()
                        .filter(k -> k.input() == RuleKind.Input.CHOICE && k != kind).findFirst().orElseThrow();
                bad.add(() -> kind.create(null, other.choices().getFirst()));
            }
            for (Runnable attempt : bad) {
                assertThatThrownBy(attempt::run).as(kind.name()).isInstanceOf(InvalidRuleException.class)
                        .satisfies(e -> assertThat(e.getMessage()).startsWith("\"").endsWith(".").doesNotContain("\n"));
                cases++;
            }
        }
        assertThat(cases).isEqualTo(9 * 5 + 3 * 2);
    }
}
