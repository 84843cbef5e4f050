package org.convlab.base.ui;

import java.util.Optional;

/**
 * One thing the home page tells a returning learner: where they left off in a part of ConvLab. The
 * parts that know (lessons, training) each provide a Spring bean; the home page shows what they say
 * without depending on them (base knows no feature but accounts).
 */
public interface WhereYouLeftOff {

    /** What to show, or what to do next, for the signed-in learner; empty for a guest or nothing yet. */
    Optional<Note> forCurrentUser();

    /**
     * @param title  the line to read, e.g. "Continue with lesson 4: Pooling"
     * @param text   a sentence more
     * @param route  where the link goes, e.g. "learn/pooling"
     * @param action the link's words
     */
    record Note(String title, String text, String route, String action) {}
}
