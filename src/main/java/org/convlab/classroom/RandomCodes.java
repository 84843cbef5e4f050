package org.convlab.classroom;

import java.security.SecureRandom;

/**
 * Random join codes and first passwords that are read aloud and copied from paper, so they leave
 * out characters that look alike (0/O, 1/I/l).
 */
final class RandomCodes {

    static final int JOIN_CODE_LENGTH = 6;
    static final int PASSWORD_LENGTH = 12;

    static final String JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCodes() {}

    static String joinCode() {
        return random(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
    }

    /** About 60 bits: plenty for a first password that the learner may keep. */
    static String password() {
        return random(PASSWORD_ALPHABET, PASSWORD_LENGTH);
    }

    private static String random(String alphabet, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
