package dev.firebreak.engine.topology.internal;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" hints for typos in field names, kinds and component ids. */
final class Suggestions {

    private Suggestions() {
    }

    /** A hint naming the closest candidate, or an empty string when nothing is close enough to help. */
    static String didYouMean(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        // A third of the word may differ: 'paymnts' finds 'payments', 'db' does not find 'web'.
        boolean closeEnough = best != null && bestDistance <= Math.max(1, typed.length() / 3);
        return closeEnough ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
