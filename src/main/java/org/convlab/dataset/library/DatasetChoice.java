package org.convlab.dataset.library;

import java.util.List;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.i18n.Text;

/**
 * A data set someone may train on, as pickers and the API list it.
 *
 * @param key what runs name it by ({@code "dataset"} in the settings)
 * @param whose "built in", "yours", "yours, for your class", "your class's" or "a learner's", in English
 *     for scripts and logs; {@link #whoseText()} is the same in the reader's language
 */
public record DatasetChoice(String key, String name, int channels, int imageSize, List<String> classNames,
        int trainCount, int testCount, String whose) {

    public DatasetChoice {
        classNames = List.copyOf(classNames);
    }

    public boolean colour() {
        return channels == 3;
    }

    /** Whether the set comes with ConvLab (no owner to name in a picker). */
    public boolean builtIn() {
        return BUILT_IN.equals(whose);
    }

    /**
     * The name to show: the demo set that comes with ConvLab is named in the reader's language; every
     * other set by the name it was given (Fashion-MNIST's is a proper name, a learner's is theirs).
     */
    public Text shownName() {
        return builtIn() && DatasetLibrary.DEMO_KEY.equals(key) ? Text.of("dataset.builtin.colour-shapes")
                : Text.of("dataset.choice.name", name);
    }

    /** Whose set it is, in words for the reader's language. */
    public Text whoseText() {
        return Text.of(switch (whose) {
            case BUILT_IN -> "dataset.whose.built-in";
            case "yours" -> "dataset.whose.yours";
            case "yours, for your class" -> "dataset.whose.yours-for-class";
            case "your class's" -> "dataset.whose.class";
            default -> "dataset.whose.learner";
        });
    }

    /** "Fashion-MNIST · 10 classes · 28×28 grayscale · 60,000 + 10,000 images", in English. */
    public String describe() {
        return description().toString();
    }

    /** {@link #describe()} for the reader's language. */
    public Text description() {
        return Text.of("dataset.choice.describe", shownName(), Text.count("dataset.choice.classes", classNames.size()),
                imageSize, Text.of(colour() ? "dataset.choice.colour" : "dataset.choice.grayscale"),
                (long) trainCount, (long) testCount);
    }

    static final String BUILT_IN = "built in";
}
