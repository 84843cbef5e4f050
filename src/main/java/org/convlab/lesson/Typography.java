package org.convlab.lesson;

/** Display-text conventions shared by the descriptions. */
final class Typography {

    static final String MINUS = "−";
    static final String TIMES = "·";

    private Typography() {}

    /**
     * Replaces ASCII minus signs with the typographic one: screen readers say "minus" for it,
     * where a hyphen may be read as "dash".
     */
    static String minus(String text) {
        return text.replace("-", MINUS);
    }
}
