package org.convlab.lesson.ui;

import java.util.Optional;

/** The lessons in the order a learner takes them; each is a page at {@code learn/<slug>}. */
public enum Lesson {
    MATRICES("matrices", "Images are matrices",
            "Pixels as numbers, colour channels, scaling to 0–1, and tensors from scalars to batches."),
    CONVOLUTION("convolution", "Convolution",
            "A small kernel slides over the image; each output cell is a multiply-and-sum."),
    RELU("relu", "ReLU and other activations", "Negative values become zero; why a network needs that bend."),
    POOLING("pooling", "Pooling", "Shrinking a feature map by keeping the largest (or mean) value of each window."),
    XO("x-or-o", "X or O, from pixels to a vote",
            "The whole pipeline on a 9×9 letter: three filters, ReLU, pooling twice, flatten, vote."),
    STACKING("stacking", "Stacking layers", "Shapes and parameter counts through a real CNN for 28×28 images."),
    FULLY_CONNECTED("why-not-dense", "Why not fully connected?",
            "A dense layer needs a weight per pixel; a kernel is shared by every position."),
    BEYOND_IMAGES("beyond-images", "Beyond images", "1-D convolution on a signal, and where CNNs stop working."),
    LEARNING("learning", "How a network learns",
            "Softmax, loss, one gradient step, epochs, and what to do about overfitting.");

    private final String slug;
    private final String title;
    private final String summary;

    Lesson(String slug, String title, String summary) {
        this.slug = slug;
        this.title = title;
        this.summary = summary;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
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
