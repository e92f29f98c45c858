package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.DetectorFamily;

/**
 * What one family added to a composite score.
 *
 * @param family        the family
 * @param score         the family's own score, 0..1, or NaN when it had no opinion (e.g. no ML model)
 * @param weight        its weight after renormalising over the families that had an opinion (0 without one)
 * @param contribution  weight × score: the part of the composite this family accounts for
 */
public record FamilyContribution(DetectorFamily family, double score, double weight, double contribution) {
}
