package dev.firebreak.engine.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Combines the findings on one component into one score, as the seed's composite describes.
 *
 * <p>Family scores: statistical is, per series, the median of its statistical detectors (two of three
 * must agree, so one jumpy detector on a noisy series does not page) and then the worst series; pattern
 * and ML are the worst detector; correlation is passed in. Families without an opinion (learning, no
 * model, no related anomaly) drop out and the other weights are renormalised, so a component without an
 * ML model still reaches every severity. In {@link CompositeConfig.Mode#MAJORITY_VOTE} mode the score is,
 * for the worst series, the share of its detectors (plus the vector detectors) that fired.
 */
public final class CompositeScorer {

    /** The highest score the ML family reaches without a statistical or pattern finding: the top of low. */
    static final double ML_ALONE_MAX = 0.5;

    private final CompositeConfig config;

    public CompositeScorer(CompositeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param seriesFindings findings grouped per series (one inner list per series)
     * @param vectorFindings findings of vector detectors on the whole component
     * @param correlation    0..1 anomaly of related components now, or NaN for no opinion
     */
    public CompositeScore combine(List<List<Finding>> seriesFindings, List<Finding> vectorFindings, double correlation) {
        double[] family = new double[DetectorFamily.values().length];
        Arrays.fill(family, Double.NaN);
        List<Finding> fired = new ArrayList<>();
        double bestVote = Double.NaN;
        int vectorVoters = 0;
        int vectorFired = 0;
        for (Finding finding : vectorFindings) {
            DetectorOutput output = finding.output();
            if (!output.isLearning()) {
                family[output.kind().family().ordinal()] = max(family[output.kind().family().ordinal()], output.score());
                vectorVoters++;
                vectorFired += output.fired() ? 1 : 0;
                if (output.fired()) {
                    fired.add(finding);
                }
            }
        }
        double[] statistical = new double[8];
        for (List<Finding> series : seriesFindings) {
            int statCount = 0;
            int voters = vectorVoters;
            int votes = vectorFired;
            for (Finding finding : series) {
                DetectorOutput output = finding.output();
                if (output.isLearning()) {
                    continue;
                }
                voters++;
                if (output.fired()) {
                    votes++;
                    fired.add(finding);
                }
                DetectorFamily f = output.kind().family();
                if (f == DetectorFamily.STATISTICAL) {
                    if (statCount == statistical.length) {
                        statistical = Arrays.copyOf(statistical, statCount * 2);
                    }
                    statistical[statCount++] = output.score();
                } else {
                    family[f.ordinal()] = max(family[f.ordinal()], output.score());
                }
            }
            if (statCount > 0) {
                family[DetectorFamily.STATISTICAL.ordinal()] = max(family[DetectorFamily.STATISTICAL.ordinal()],
                        median(statistical, statCount));
            }
            if (voters > 0) {
                bestVote = max(bestVote, (double) votes / voters);
            }
        }
        if (!Double.isNaN(correlation)) {
            family[DetectorFamily.CORRELATION.ordinal()] = Math.clamp(correlation, 0, 1);
        }
        return config.mode() == CompositeConfig.Mode.MAJORITY_VOTE
                ? vote(bestVote, family, fired)
                : weighted(family, fired);
    }

    private CompositeScore weighted(double[] family, List<Finding> fired) {
        double totalWeight = 0;
        for (DetectorFamily f : DetectorFamily.values()) {
            if (!Double.isNaN(family[f.ordinal()])) {
                totalWeight += config.weight(f);
            }
        }
        List<FamilyContribution> contributions = new ArrayList<>(4);
        double score = 0;
        for (DetectorFamily f : DetectorFamily.values()) {
            double s = family[f.ordinal()];
            double weight = Double.isNaN(s) || totalWeight == 0 ? 0 : config.weight(f) / totalWeight;
            double contribution = Double.isNaN(s) ? 0 : weight * s;
            score += contribution;
            contributions.add(new FamilyContribution(f, s, weight, contribution));
        }
        score = Math.clamp(score, 0, 1);
        if (!Double.isNaN(family[DetectorFamily.ML.ordinal()]) && !anyFired(fired, DetectorFamily.STATISTICAL)
                && !anyFired(fired, DetectorFamily.PATTERN)) {
            // ML alone is evidence, not proof (ADR 0012): without a statistical or pattern finding on the
            // component it can raise attention (low) but not page (medium or worse).
            score = Math.min(score, ML_ALONE_MAX);
        }
        return new CompositeScore(score, Severity.ofScore(score), new Explanation(fired, contributions));
    }

    private static boolean anyFired(List<Finding> fired, DetectorFamily family) {
        for (Finding finding : fired) {
            if (finding.output().kind().family() == family) {
                return true;
            }
        }
        return false;
    }

    private CompositeScore vote(double share, double[] family, List<Finding> fired) {
        double score = Double.isNaN(share) ? 0 : share;
        List<FamilyContribution> contributions = new ArrayList<>(4);
        for (DetectorFamily f : DetectorFamily.values()) {
            contributions.add(new FamilyContribution(f, family[f.ordinal()], 0, 0));
        }
        return new CompositeScore(score, Severity.ofScore(score), new Explanation(fired, contributions));
    }

    private static double max(double current, double candidate) {
        return Double.isNaN(current) ? candidate : Math.max(current, candidate);
    }

    private static double median(double[] values, int count) {
        Arrays.sort(values, 0, count);
        return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
    }
}
