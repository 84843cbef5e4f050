package org.convlab.classroom.grading;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.convlab.i18n.Text;

/**
 * How the assignment editor offers one kind of rule: its name in the list, what it asks for (a
 * number with its unit, a choice, or nothing), the number a new row starts with, and how the
 * editor's inputs become the rule and back, refusing impossible ones with the rule's own message.
 *
 * <p>Every rule record declares its own as {@code public static final RuleKind KIND}, next to its
 * check; {@link #all()} finds them through the sealed {@link Rule}, so the editor offers a new rule
 * without being told, in the order the records are declared.
 */
public final class RuleKind {

    /** What the editor asks for next to the rule. */
    public enum Input {
        NONE, WHOLE, PERCENT, DECIMAL, CHOICE;

        public boolean numeric() {
            return this == WHOLE || this == PERCENT || this == DECIMAL;
        }
    }

    /** One option of a rule that chooses (a kind of pooling, a kind of penalty), as the editor lists it. */
    public interface Choice {
        /** The option as the editor lists it, in the reader's language. */
        Text option();
    }

    /**
     * A data set a rule may name: its key (what runs store) and its name (what teacher and learner
     * read). The editor offers the data sets the teacher may use; the kind itself knows only the default.
     */
    public record DatasetOption(String key, String name) implements Choice {
        @Override
        public Text option() {
            return Text.of(RuleResult.AS_WRITTEN, name);
        }
    }

    @FunctionalInterface
    private interface Maker {
        Rule make(Double number, Choice choice);
    }

    private final Class<? extends Rule> type;
    private final String label;
    private final Input input;
    private final String unit;
    private final double suggested;
    private final String choicePrompt;
    private final List<Choice> choices;
    private final Maker maker;
    private final Function<Rule, Double> number;
    private final Function<Rule, Choice> choice;
    private boolean choosesDataset;

    private RuleKind(Class<? extends Rule> type, String label, Input input, String unit, double suggested,
            String choicePrompt, List<Choice> choices, Maker maker, Function<Rule, Double> number,
            Function<Rule, Choice> choice) {
        this.type = type;
        this.label = label;
        this.input = input;
        this.unit = unit;
        this.suggested = suggested;
        this.choicePrompt = choicePrompt;
        this.choices = choices;
        this.maker = maker;
        this.number = number;
        this.choice = choice;
    }

    // ---- how a rule record declares its kind ----

    /** A rule that asks for nothing ("Uses dropout"). */
    static <R extends Rule> RuleKind plain(Class<R> type, String label, Supplier<R> make) {
        return new RuleKind(type, label, Input.NONE, "", 0, "", List.of(),
                (n, c) -> make.get(), rule -> null, rule -> null);
    }

    /** A rule with a whole number: N layers, N epochs, N units. */
    static <R extends Rule> RuleKind whole(Class<R> type, String label, String unit, int suggested,
            IntFunction<R> make, ToIntFunction<R> read) {
        return new RuleKind(type, label, Input.WHOLE, unit, suggested, "", List.of(),
                (n, c) -> make.apply(whole(label, n)), rule -> (double) read.applyAsInt(type.cast(rule)), rule -> null);
    }

    /** A rule with a whole number that may pass the range of an int (parameters). */
    static <R extends Rule> RuleKind wholeLong(Class<R> type, String label, String unit, long suggested,
            LongFunction<R> make, ToLongFunction<R> read) {
        return new RuleKind(type, label, Input.WHOLE, unit, suggested, "", List.of(),
                (n, c) -> make.apply(wholeLong(label, n)), rule -> (double) read.applyAsLong(type.cast(rule)),
                rule -> null);
    }

    /** A rule with a fraction 0–1 that teachers type as a percentage (90 for 90%). */
    static <R extends Rule> RuleKind percent(Class<R> type, String label, double suggested,
            DoubleFunction<R> make, ToDoubleFunction<R> read) {
        return new RuleKind(type, label, Input.PERCENT, "classroom.rule-kind.unit.percent", suggested, "", List.of(),
                (n, c) -> make.apply(percentage(label, n) / 100),
                // Rounded so that 0.88 shows as 88, not 88.00000000000001.
                rule -> Math.round(read.applyAsDouble(type.cast(rule)) * 1_000_000) / 10_000.0, rule -> null);
    }

    /** A rule with any number (seconds). */
    static <R extends Rule> RuleKind decimal(Class<R> type, String label, String unit, double suggested,
            DoubleFunction<R> make, ToDoubleFunction<R> read) {
        return new RuleKind(type, label, Input.DECIMAL, unit, suggested, "", List.of(),
                (n, c) -> make.apply(given(label, n)), rule -> read.applyAsDouble(type.cast(rule)), rule -> null);
    }

    /**
     * A rule that picks one of an enum's constants; {@code prompt} names the choice for screen
     * readers ("Pooling kind"). A missing choice reaches the rule, which refuses it in its own words.
     */
    static <R extends Rule, E extends Enum<E> & Choice> RuleKind choice(Class<R> type, String label, String prompt,
            Class<E> options, Function<E, R> make, Function<R, E> read) {
        return new RuleKind(type, label, Input.CHOICE, "", 0, prompt, List.of(options.getEnumConstants()),
                (n, c) -> make.apply(options.isInstance(c) ? options.cast(c) : null), rule -> null,
                rule -> read.apply(type.cast(rule)));
    }

    /**
     * A rule that names a data set: a choice among the data sets the editor offers (the teacher's),
     * {@code standard} being the one a new row starts with.
     */
    static <R extends Rule> RuleKind dataset(Class<R> type, String label, String prompt, DatasetOption standard,
            java.util.function.BiFunction<String, String, R> make, Function<R, DatasetOption> read) {
        RuleKind kind = new RuleKind(type, label, Input.CHOICE, "", 0, prompt, List.of(standard),
                (n, c) -> c instanceof DatasetOption d ? make.apply(d.key(), d.name()) : make.apply(null, null),
                rule -> null, rule -> read.apply(type.cast(rule)));
        kind.choosesDataset = true;
        return kind;
    }

    // ---- the catalog ----

    /** Every kind of rule, in the order the editor lists them. */
    public static List<RuleKind> all() {
        return Catalog.ALL;
    }

    /** The kind of an existing rule, for editing it. */
    public static RuleKind of(Rule rule) {
        return Catalog.BY_TYPE.get(rule.getClass());
    }

    /** Read on first use, so that a rule record's {@code KIND} is built before it is looked up. */
    private static final class Catalog {
        static final List<RuleKind> ALL = Arrays.stream(Rule.class.getPermittedSubclasses())
                .map(Catalog::declaredBy).toList();
        static final Map<Class<?>, RuleKind> BY_TYPE = ALL.stream()
                .collect(Collectors.toUnmodifiableMap(RuleKind::type, Function.identity()));

        /** The record's own KIND; a record without one is a programming error, found at the first use. */
        private static RuleKind declaredBy(Class<?> type) {
            try {
                Field field = type.getField("KIND");
                if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof RuleKind kind
                        && kind.type == type && type.isAnnotationPresent(JsonTypeName.class)) {
                    return kind;
                }
            } catch (ReflectiveOperationException e) {
                // reported below
            }
            throw new IllegalStateException("Rule " + type.getSimpleName()
                    + " needs @JsonTypeName and a public static final RuleKind KIND of its own.");
        }
    }

    // ---- what the editor reads ----

    /** The rule's name in the stored JSON ({@code "kind"}). */
    public String name() {
        return type.getAnnotation(JsonTypeName.class).value();
    }

    public Class<? extends Rule> type() {
        return type;
    }

    /** The kind's name in the list ("At least N convolution layers"). */
    public Text label() {
        return Text.of(label);
    }

    public Input input() {
        return input;
    }

    /** What the number counts ("layers", "%"); null when the rule asks for no number. */
    public Text unit() {
        return unit.isEmpty() ? null : Text.of(unit);
    }

    /** The number the editor starts a new row with. */
    public double suggested() {
        return suggested;
    }

    /** The options of a rule that chooses, in order (the first is the default); empty otherwise. */
    public List<Choice> choices() {
        return choices;
    }

    /** True when the choice is a data set: the editor offers the teacher's data sets, not {@link #choices()}. */
    public boolean choosesDataset() {
        return choosesDataset;
    }

    /** What the choice is called for screen readers; null when there is none. */
    public Text choicePrompt() {
        return choicePrompt.isEmpty() ? null : Text.of(choicePrompt);
    }

    /**
     * The rule from the editor's inputs: {@code number} for numeric kinds (a percentage for test
     * accuracy, e.g. 90), {@code choice} for the kinds that choose; the other is ignored.
     */
    public Rule create(Double number, Choice choice) {
        return maker.make(number, choice);
    }

    /** The number an existing rule of this kind shows in the editor (a percentage for test accuracy); null if none. */
    public Double numberOf(Rule rule) {
        return number.apply(rule);
    }

    /** The option an existing rule of this kind has chosen; null if it chooses nothing. */
    public Choice choiceOf(Rule rule) {
        return choice.apply(rule);
    }

    @Override
    public String toString() {
        return name();
    }

    // ---- the editor's numbers, checked before the rule checks its own range ----

    private static double given(String label, Double number) {
        if (number == null || !Double.isFinite(number)) {
            throw new InvalidRuleException(Text.of("classroom.rule-kind.invalid.number", Text.of(label)));
        }
        return number;
    }

    /** A percentage; 0.9 is almost surely 90% typed as a fraction, and a 0.9% target means nothing. */
    private static double percentage(String label, Double number) {
        double n = given(label, number);
        if (n > 0 && n <= 1) {
            throw new InvalidRuleException(Text.of("classroom.rule-kind.invalid.percentage", Text.of(label), String.valueOf(n)));
        }
        return n;
    }

    private static int whole(String label, Double number) {
        long n = wholeLong(label, number);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new InvalidRuleException(Text.of("classroom.rule-kind.invalid.too-large", Text.of(label), String.valueOf(n)));
        }
        return (int) n;
    }

    private static long wholeLong(String label, Double number) {
        double n = given(label, number);
        if (n != Math.rint(n)) {
            throw new InvalidRuleException(Text.of("classroom.rule-kind.invalid.whole", Text.of(label), String.valueOf(n)));
        }
        return (long) n;
    }
}
