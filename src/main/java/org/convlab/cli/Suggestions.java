package org.convlab.cli;

import java.util.List;
import java.util.Locale;

/** "Did you mean ...?": the known word nearest to a typo, by edit distance. */
final class Suggestions {

    private Suggestions() {}

    /** The candidate closest to {@code typed}, or null when none is close enough to be a typo of it. */
    static String nearest(String typed, List<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Two edits (a swap, a missing and an extra letter) or a third of the word, whichever is more.
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** Damerau–Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
    static int distance(String a, String b) {
        if (a.length() > 64) {
            return Integer.MAX_VALUE; // no command is that long; don't spend time on it
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
