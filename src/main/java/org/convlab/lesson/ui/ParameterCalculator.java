package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigInteger;
import java.util.Locale;
import org.convlab.lesson.architecture.ParameterFormula;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.ModelValidator;

/**
 * (K·K·C + 1)·F with the learner's own numbers: three fields, each checked on its own with one clear
 * line; the formula and count only change when all three are valid. The arithmetic is {@link
 * ParameterFormula}'s, the same the stacking lesson shows.
 */
final class ParameterCalculator extends Div {


    /** What a field holds and its limits; {@code why} finishes "must be at least 1:". */
    record Limit(String field, int max) {

        static Limit of(String field, int max) {
            return new Limit(field, max);
        }

        /** The field's name from {@code calc.<field>.name}, in the page's language. */
        String name() {
            return lessonText().get("calc." + field + ".name");
        }

        /** The reason from {@code calc.<field>.why}, in the page's language. */
        String why() {
            return lessonText().get("calc." + field + ".why");
        }
    }

    /** A field's text read as a number, or the one line that says what is wrong with it. */
    record Reading(Integer value, String error) {
        boolean valid() {
            return error == null;
        }
    }

    // Kernels beyond 11×11 are rare; 99 leaves room to play. A layer's channels are the previous layer's
    // filters, so both share the model builder's 10,000.
    static final Limit KERNEL = Limit.of("kernel", 99);
    static final Limit CHANNELS = Limit.of("channels", 10_000);
    static final Limit FILTERS = Limit.of("filters", 10_000);

    final TextField kernel = field(lessonText().get("calc.kernel"), "3");
    final TextField channels = field(lessonText().get("calc.channels"), "3");
    final TextField filters = field(lessonText().get("calc.filters"), "16");
    final Div formula = LessonPage.formula("");
    final Paragraph meaning = new Paragraph();
    final Button grayExample = example(lessonText().get("calc.gray-example"), 3, 1, 32);
    final Button deepExample = example(lessonText().get("calc.deep-example"), 3, 32, 64);

    ParameterCalculator() {
        addClassName("parameter-calculator");
        meaning.addClassName("explanation");
        meaning.getElement().setAttribute("aria-live", "polite");
        Div fields = new Div(kernel, channels, filters);
        fields.addClassName("lesson-controls");
        Div examples = new Div(grayExample, deepExample);
        examples.addClassName("lesson-controls");
        add(fields, formula, meaning, LessonPage.text(lessonText().get("calc.examples")), examples);
        for (TextField field : new TextField[] {kernel, channels, filters}) {
            field.addValueChangeListener(e -> update());
        }
        update();
    }

    private static TextField field(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value);
        field.setWidth("11em");
        field.setMaxLength(12);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setManualValidation(true);
        field.getElement().setAttribute("inputmode", "numeric");
        return field;
    }

    private Button example(String text, int k, int c, int f) {
        Button button = new Button(text, e -> {
            kernel.setValue(String.valueOf(k));
            channels.setValue(String.valueOf(c));
            filters.setValue(String.valueOf(f));
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** Marks each field; when all three hold good numbers, shows their formula. */
    void update() {
        Reading k = mark(kernel, KERNEL);
        Reading c = mark(channels, CHANNELS);
        Reading f = mark(filters, FILTERS);
        if (!k.valid() || !c.valid() || !f.valid()) {
            return; // the last good formula stays; the field's own line says what to fix
        }
        // The count does not depend on the image's height and width; a K×K image is one the kernel fits.
        Layer.Conv2d layer = new Layer.Conv2d(f.value(), k.value(), ActivationKind.RELU);
        LayerShape input = LayerShape.image(c.value(), k.value(), k.value());
        long count = ModelValidator.parameterCount(layer, input);
        long biases = f.value();
        formula.setText(ParameterFormula.of(layer, input, Formats.locale()));
        meaning.setText(lessonText().get("calc.meaning", grouped(count), grouped(count - biases),
                k.value() + "·" + k.value() + "·" + c.value(), grouped((long) k.value() * k.value() * c.value()),
                grouped(f.value()), grouped(biases), lessonText().get(biases == 1 ? "calc.bias" : "calc.biases")));
    }

    private static String grouped(long n) {
        return I18n.integer(n);
    }

    private static Reading mark(TextField field, Limit limit) {
        Reading reading = read(field.getValue(), limit);
        field.setInvalid(!reading.valid());
        field.setErrorMessage(reading.error());
        return reading;
    }

    /**
     * Reads a whole number the way people type it: spaces around it, a typographic minus, thousands
     * grouped with commas or spaces ("10,000"). Anything else gets one line in the learner's words.
     */
    static Reading read(String text, Limit limit) {
        String range = lessonText().get("calc.range", grouped(limit.max()));
        String cleaned = text == null ? "" : text.strip().replace('−', '-');
        if (cleaned.isEmpty()) {
            return new Reading(null, lessonText().get("calc.missing", limit.name(), range));
        }
        if (cleaned.matches("-?\\d{1,3}([,. \u00A0\u202F]\\d{3})+")) {
            cleaned = cleaned.replaceAll("[,. \u00A0\u202F]", "");
        }
        if (!cleaned.matches("-?[0-9]+")) {
            return new Reading(null, lessonText().get("calc.not-whole", limit.name(), range));
        }
        BigInteger value = new BigInteger(cleaned);
        if (value.signum() <= 0) {
            return new Reading(null, lessonText().get("calc.too-small", limit.name(), limit.why()));
        }
        if (value.compareTo(BigInteger.valueOf(limit.max())) > 0) {
            return new Reading(null, lessonText().get("calc.too-large", limit.name(), grouped(limit.max())));
        }
        return new Reading(value.intValueExact(), null);
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.CONVOLUTION);
    }
}
