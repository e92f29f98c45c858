package dev.firebreak.bench.nab;

import java.util.Arrays;

/**
 * Scores a labelled corpus under a profile: finds the threshold, among the scores that occur and
 * "detect nothing", that maximises the raw total over all files together, in one sweep down the
 * sorted scores.
 */
public final class NabScorer {

    private NabScorer() {
    }

    public static NabProfileResult score(NabCorpus corpus, NabProfile profile) {
        double threshold = bestThreshold(corpus, profile);
        return evaluate(corpus, profile, threshold);
    }

    /**
     * Lowering the threshold past a group of equal scores adds those rows as detections: each changes
     * the total by its own value (outside windows) or by how much it improves its window's best row
     * (inside). So the total at every threshold comes from one pass, O(n log n) for the sort.
     */
    static double bestThreshold(NabCorpus corpus, NabProfile profile) {
        int[] order = corpus.byDescendingScore();
        double[] windowBest = new double[corpus.windowCount()];
        Arrays.fill(windowBest, Double.NaN);
        double total = -profile.fnWeight() * corpus.windowCount();
        double bestTotal = total;
        double bestThreshold = Double.POSITIVE_INFINITY;
        int k = 0;
        while (k < order.length) {
            double score = corpus.score(order[k]);
            while (k < order.length && corpus.score(order[k]) == score) {
                total += gain(corpus, profile, order[k], windowBest);
                k++;
            }
            // Strictly better only: among equal totals the higher threshold (fewer detections) wins.
            if (total > bestTotal) {
                bestTotal = total;
                bestThreshold = score;
            }
        }
        return bestThreshold;
    }

    private static double gain(NabCorpus corpus, NabProfile profile, int row, double[] windowBest) {
        int window = corpus.window(row);
        if (window < 0) {
            return profile.fpWeight() * corpus.value(row);
        }
        double value = profile.tpWeight() * corpus.value(row);
        double previous = windowBest[window];
        if (Double.isNaN(previous)) {
            windowBest[window] = value;
            return profile.fnWeight() + value;
        }
        if (value > previous) {
            windowBest[window] = value;
            return value - previous;
        }
        return 0;
    }

    /** The raw score and counts at a given threshold, computed directly from the rules. */
    public static NabProfileResult evaluate(NabCorpus corpus, NabProfile profile, double threshold) {
        double[] windowBest = new double[corpus.windowCount()];
        Arrays.fill(windowBest, Double.NaN);
        double falsePositiveTotal = 0;
        int falsePositives = 0;
        for (int row = 0; row < corpus.rows(); row++) {
            if (!(corpus.score(row) >= threshold)) {
                continue;
            }
            int window = corpus.window(row);
            if (window < 0) {
                falsePositiveTotal += profile.fpWeight() * corpus.value(row);
                falsePositives++;
            } else {
                double value = profile.tpWeight() * corpus.value(row);
                if (Double.isNaN(windowBest[window]) || value > windowBest[window]) {
                    windowBest[window] = value;
                }
            }
        }
        double raw = falsePositiveTotal;
        int detected = 0;
        for (double best : windowBest) {
            if (Double.isNaN(best)) {
                raw -= profile.fnWeight();
            } else {
                raw += best;
                detected++;
            }
        }
        int windows = corpus.windowCount();
        return new NabProfileResult(profile, threshold, raw, -profile.fnWeight() * windows, profile.tpWeight() * windows,
                detected, windows - detected, falsePositives);
    }
}
