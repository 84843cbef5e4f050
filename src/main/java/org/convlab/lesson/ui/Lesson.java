package org.convlab.lesson.ui;

import java.util.Optional;
import org.convlab.base.ui.I18n;

/** The lessons in the order a learner takes them; each is a page at {@code learn/<slug>}. */
public enum Lesson {
    MATRICES("matrices"),
    CONVOLUTION("convolution"),
    RELU("relu"),
    POOLING("pooling"),
    XO("x-or-o"),
    STACKING("stacking"),
    FULLY_CONNECTED("why-not-dense"),
    BEYOND_IMAGES("beyond-images"),
    LEARNING("learning");

    private final String slug;

    Lesson(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** "Convolution", in the page's language (English outside a page); bundle i18n/lesson. */
    public String title() {
        return I18n.t("lesson.title." + slug);
    }

    /** One sentence on what the lesson covers, in the page's language. */
    public String summary() {
        return I18n.t("lesson.summary." + slug);
    }

    public String route() {
        return "learn/" + slug;
    }

    public int number() {
        return ordinal() + 1;
    }

    Optional<Lesson> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    Optional<Lesson> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }
}
