package org.convlab.classroom;

import java.time.Instant;
import java.util.Locale;

/** One of a learner's finished runs, as the submit list offers it. */
public record RunChoice(String id, String name, Double testAccuracy, Instant finishedAt) {

    /** "keras-cnn · 91.24%". */
    public String label() {
        return name + (testAccuracy == null ? "" : String.format(Locale.ROOT, " · %.2f%%", testAccuracy * 100));
    }
}
