package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.DetectorFamily;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A composite's family contributions as two arrays, made into {@link FamilyContribution} records only when
 * someone reads them. The detection tick explains every component's score at every tick and almost nobody
 * reads those explanations, so the five records and their array per component per tick were the largest
 * part of the tick's garbage (ADR 0023). Immutable: the arrays are the scorer's fresh ones, never written
 * after construction; indexed by {@link DetectorFamily#ordinal()}.
 */
final class FamilyContributions extends AbstractList<FamilyContribution> implements RandomAccess {

    private static final DetectorFamily[] FAMILIES = DetectorFamily.values();

    /** Each family's own score, NaN without an opinion. */
    private final double[] scores;
    /** Each family's weight after renormalising (0 without an opinion); null: every weight 0 (vote mode). */
    private final double[] weights;

    /**
     * @param scores  per family, its score or NaN; taken, not copied: the caller must not write it again
     * @param weights per family, its renormalised weight; null for all zero; taken, not copied
     */
    FamilyContributions(double[] scores, double[] weights) {
        if (scores.length != FAMILIES.length || weights != null && weights.length != FAMILIES.length) {
            throw new IllegalArgumentException("one score and one weight per family");
        }
        this.scores = scores;
        this.weights = weights;
    }

    @Override
    public FamilyContribution get(int index) {
        DetectorFamily family = FAMILIES[index];
        double score = scores[index];
        double weight = weights == null ? 0 : weights[index];
        return new FamilyContribution(family, score, weight, weights == null || Double.isNaN(score) ? 0 : weight * score);
    }

    @Override
    public int size() {
        return FAMILIES.length;
    }
}
