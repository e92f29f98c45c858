package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Severity;
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
 *
 * <p>A weighted score above low needs at least one fired finding that is not marginal: beyond its band by
 * its metric's {@link MinimumDeparture} (ADR 0022). Findings that are all just past their bands can raise
 * attention (low) but not page.
 */
public final class CompositeScorer {

    /** The highest score the ML family reaches without a statistical or pattern finding: the top of low. */
    static final double ML_ALONE_MAX = 0.5;

    /** The highest score a component reaches while every finding that fired is marginal: the top of low. */
    static final double MARGINAL_MAX = 0.5;

    /** {@link DetectorFamily#values()} copies its array on every call; scoring runs per component per tick. */
    private static final DetectorFamily[] FAMILIES = DetectorFamily.values();

    private final CompositeConfig config;
    /** The configured weight of each family by ordinal, read once instead of through the map each time. */
    private final double[] weights = new double[FAMILIES.length];
    /** The detection tick's scratch: it scores every component of every tick on one thread. */
    private final Scratch tickScratch = new Scratch();

    public CompositeScorer(CompositeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        for (DetectorFamily f : FAMILIES) {
            weights[f.ordinal()] = config.weight(f);
        }
    }

    /**
     * @param seriesFindings findings grouped per series (one inner list per series)
     * @param vectorFindings findings of vector detectors on the whole component
     * @param correlation    0..1 anomaly of related components now, or NaN for no opinion
     */
    public CompositeScore combine(List<List<Finding>> seriesFindings, List<Finding> vectorFindings, double correlation) {
        return combine(new FindingLists(seriesFindings, null, vectorFindings), correlation, new Scratch());
    }

    /**
     * As {@link #combine(List, List, double)}, with each series' {@link MinimumDeparture} (one per inner list
     * of {@code seriesFindings}, ADR 0022); the other form gives every series none.
     */
    public CompositeScore combine(List<List<Finding>> seriesFindings, List<MinimumDeparture> margins,
            List<Finding> vectorFindings, double correlation) {
        if (margins.size() != seriesFindings.size()) {
            throw new IllegalArgumentException("one margin per series: " + margins.size() + " for "
                    + seriesFindings.size());
        }
        return combine(new FindingLists(seriesFindings, List.copyOf(margins), vectorFindings), correlation,
                new Scratch());
    }

    /**
     * As {@link #combine(List, List, double)}, over evidence read where it lies and reusing this scorer's
     * scratch arrays: for the detection tick, which scores every component of every tick from one thread.
     * Not thread-safe: call it from one thread only.
     */
    public CompositeScore combine(ComponentEvidence evidence, double correlation) {
        return combine(evidence, correlation, tickScratch);
    }

    private CompositeScore combine(ComponentEvidence evidence, double correlation, Scratch scratch) {
        double[] family = new double[FAMILIES.length];
        Arrays.fill(family, Double.NaN);
        int firedCount = 0;
        boolean anyClear = false;
        double bestVote = Double.NaN;
        int vectorVoters = 0;
        int vectorFired = 0;
        int vectors = evidence.vectorCount();
        for (int i = 0; i < vectors; i++) {
            DetectorOutput output = evidence.vectorOutput(i);
            if (!output.isLearning()) {
                family[output.kind().family().ordinal()] = max(family[output.kind().family().ordinal()], output.score());
                vectorVoters++;
                vectorFired += output.fired() ? 1 : 0;
                if (output.fired()) {
                    firedCount = scratch.addFired(firedCount, -1, i);
                    anyClear = true; // the ML family has no per-metric band; ML_ALONE_MAX caps it alone
                }
            }
        }
        int seriesCount = evidence.seriesCount();
        for (int s = 0; s < seriesCount; s++) {
            int statCount = 0;
            int voters = vectorVoters;
            int votes = vectorFired;
            int outputs = evidence.outputCount(s);
            for (int i = 0; i < outputs; i++) {
                double score = evidence.score(s, i);
                if (Double.isNaN(score)) {
                    continue; // learning
                }
                voters++;
                if (evidence.fired(s, i)) {
                    votes++;
                    firedCount = scratch.addFired(firedCount, s, i);
                    anyClear = anyClear || evidence.clearsMargin(s, i);
                }
                DetectorFamily f = evidence.kind(s, i).family();
                if (f == DetectorFamily.STATISTICAL) {
                    if (statCount == scratch.statistical.length) {
                        scratch.statistical = Arrays.copyOf(scratch.statistical, statCount * 2);
                    }
                    scratch.statistical[statCount++] = score;
                } else {
                    family[f.ordinal()] = max(family[f.ordinal()], score);
                }
            }
            if (statCount > 0) {
                family[DetectorFamily.STATISTICAL.ordinal()] = max(family[DetectorFamily.STATISTICAL.ordinal()],
                        median(scratch.statistical, statCount));
            }
            if (voters > 0) {
                bestVote = max(bestVote, (double) votes / voters);
            }
        }
        if (!Double.isNaN(correlation)) {
            family[DetectorFamily.CORRELATION.ordinal()] = Math.clamp(correlation, 0, 1);
        }
        List<Finding> fired = fired(evidence, firedCount, scratch.firedAt);
        return config.mode() == CompositeConfig.Mode.MAJORITY_VOTE
                ? vote(bestVote, family, fired)
                : weighted(family, fired, anyClear);
    }

    /** The findings that fired, vector ones first and then per series, as they were met. */
    private static List<Finding> fired(ComponentEvidence evidence, int count, int[] firedAt) {
        if (count == 0) {
            return List.of();
        }
        Finding[] fired = new Finding[count];
        for (int k = 0; k < count; k++) {
            int series = firedAt[2 * k];
            int i = firedAt[2 * k + 1];
            fired[k] = series < 0 ? evidence.vectorFinding(i) : evidence.finding(series, i);
        }
        return List.of(fired);
    }

    private CompositeScore weighted(double[] family, List<Finding> fired, boolean anyClear) {
        double totalWeight = 0;
        for (DetectorFamily f : FAMILIES) {
            if (!Double.isNaN(family[f.ordinal()])) {
                totalWeight += weights[f.ordinal()];
            }
        }
        double[] normalised = new double[FAMILIES.length];
        double score = 0;
        for (DetectorFamily f : FAMILIES) {
            double s = family[f.ordinal()];
            double weight = Double.isNaN(s) || totalWeight == 0 ? 0 : weights[f.ordinal()] / totalWeight;
            normalised[f.ordinal()] = weight;
            score += Double.isNaN(s) ? 0 : weight * s;
        }
        score = Math.clamp(score, 0, 1);
        if (!Double.isNaN(family[DetectorFamily.ML.ordinal()]) && !anyFired(fired, DetectorFamily.STATISTICAL)
                && !anyFired(fired, DetectorFamily.PATTERN)) {
            // ML alone is evidence, not proof (ADR 0012): without a statistical or pattern finding on the
            // component it can raise attention (low) but not page (medium or worse).
            score = Math.min(score, ML_ALONE_MAX);
        }
        if (!anyClear) {
            // Every finding is just past its band (or none fired): unusual, but not by enough to page
            // anyone (ADR 0022). Correlation alone never fires, so it cannot lift this either.
            score = Math.min(score, MARGINAL_MAX);
        }
        return new CompositeScore(score, Severity.ofScore(score),
                new Explanation(fired, new FamilyContributions(family, normalised)));
    }

    private static boolean anyFired(List<Finding> fired, DetectorFamily family) {
        // indexed: an iterator per call was a tenth of the tick's garbage (the list is usually empty)
        for (int i = 0; i < fired.size(); i++) {
            if (fired.get(i).output().kind().family() == family) {
                return true;
            }
        }
        return false;
    }

    private CompositeScore vote(double share, double[] family, List<Finding> fired) {
        double score = Double.isNaN(share) ? 0 : share;
        return new CompositeScore(score, Severity.ofScore(score), new Explanation(fired, new FamilyContributions(family, null)));
    }

    private static double max(double current, double candidate) {
        return Double.isNaN(current) ? candidate : Math.max(current, candidate);
    }

    private static double median(double[] values, int count) {
        // a series has three to five statistical scores: an insertion sort in place beats a call into
        // Arrays.sort per series per tick, and sorts the same values the same way
        for (int i = 1; i < count; i++) {
            double value = values[i];
            int j = i - 1;
            while (j >= 0 && Double.compare(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
        return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
    }

    /** Per-call working arrays, grown as needed. */
    private static final class Scratch {
        /** One series' statistical scores. */
        private double[] statistical = new double[8];
        /** The fired outputs as series index and output index (series -1 for vector outputs). */
        private int[] firedAt = new int[16];

        int addFired(int count, int series, int i) {
            if (2 * count + 2 > firedAt.length) {
                firedAt = Arrays.copyOf(firedAt, firedAt.length * 2);
            }
            firedAt[2 * count] = series;
            firedAt[2 * count + 1] = i;
            return count + 1;
        }
    }

    /** The public list form as evidence: findings are handed on as they are. */
    private record FindingLists(List<List<Finding>> series, List<MinimumDeparture> margins, List<Finding> vectors)
            implements ComponentEvidence {

        @Override
        public int seriesCount() {
            return series.size();
        }

        @Override
        public int outputCount(int s) {
            return series.get(s).size();
        }

        @Override
        public DetectorKind kind(int s, int i) {
            return series.get(s).get(i).output().kind();
        }

        @Override
        public double score(int s, int i) {
            return series.get(s).get(i).output().score();
        }

        @Override
        public boolean fired(int s, int i) {
            return series.get(s).get(i).output().fired();
        }

        @Override
        public Finding finding(int s, int i) {
            return series.get(s).get(i);
        }

        @Override
        public boolean clearsMargin(int s, int i) {
            DetectorOutput output = series.get(s).get(i).output();
            MinimumDeparture margin = margins == null ? MinimumDeparture.NONE : margins.get(s);
            return margin.clears(output.observed(), output.expectedLow(), output.expectedHigh());
        }

        @Override
        public int vectorCount() {
            return vectors.size();
        }

        @Override
        public DetectorOutput vectorOutput(int i) {
            return vectors.get(i).output();
        }

        @Override
        public Finding vectorFinding(int i) {
            return vectors.get(i);
        }
    }
}
