package org.convlab.dataset.library;

import java.util.List;
import java.util.Locale;

/**
 * A data set someone may train on, as pickers and the API list it.
 *
 * @param key what runs name it by ({@code "dataset"} in the settings)
 * @param whose "built in", "yours", "your class's" or the owner's, for the picker
 */
public record DatasetChoice(String key, String name, int channels, int imageSize, List<String> classNames,
        int trainCount, int testCount, String whose) {

    public DatasetChoice {
        classNames = List.copyOf(classNames);
    }

    public boolean colour() {
        return channels == 3;
    }

    /** "Fashion-MNIST · 10 classes · 28×28 grayscale · 60,000 + 10,000 images". */
    public String describe() {
        return String.format(Locale.ROOT, "%s · %d classes · %d×%d %s · %,d + %,d images", name, classNames.size(),
                imageSize, imageSize, colour() ? "colour" : "grayscale", trainCount, testCount);
    }
}
