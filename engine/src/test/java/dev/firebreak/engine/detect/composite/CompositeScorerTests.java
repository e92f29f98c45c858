package dev.firebreak.engine.detect.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.health.HealthConfig;
import dev.firebreak.engine.detect.series.EwmaConfig;
import dev.firebreak.engine.detect.series.IqrConfig;
import dev.firebreak.engine.detect.series.RateOfChangeConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.series.SeasonalBandConfig;
import java.util.EnumMap;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CompositeScorerTests {

    private static Finding finding(DetectorKind kind, double score) {
        return new Finding("catalog/latency_p99", new DetectorOutput(kind, score, score > 0.5, 1, 0, 1, "test"));
    }

    private final CompositeScorer scorer = new CompositeScorer(CompositeConfig.ofDefaults());

    @Test
    void componentWithoutMlModelStillReachesCriticalWhenStatisticsAndPatternAgree() {
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 1), finding(DetectorKind.EWMA, 1),
                finding(DetectorKind.IQR, 1), finding(DetectorKind.RATE_OF_CHANGE, 0.95));

        CompositeScore score = scorer.combine(List.of(series), List.of(), Double.NaN);

        assertThat(score.score()).isCloseTo((0.3 * 1 + 0.2 * 0.95) / 0.5, Offset.offset(1e-9));
        assertThat(score.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(score.explanation().contributions()).filteredOn(c -> c.family() == DetectorFamily.ML)
                .singleElement().satisfies(c -> assertThat(c.weight()).isZero());
    }

    @Test
    void oneJumpyStatisticalDetectorIsOutvotedByTheOtherTwo() {
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.99), finding(DetectorKind.EWMA, 0.05),
                finding(DetectorKind.IQR, 0.1));

        CompositeScore score = scorer.combine(List.of(series), List.of(), Double.NaN);

        assertThat(score.severity()).isEqualTo(Severity.NONE);
        assertThat(score.explanation().fired()).hasSize(1);
    }

    @Test
    void mlAndCorrelationCountWithTheirSeedWeights() {
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.6));
        List<Finding> vector = List.of(new Finding("catalog", new DetectorOutput(DetectorKind.ISOLATION_FOREST, 0.8,
                true, 0.7, Double.NaN, Double.NaN, "isolated")));

        CompositeScore score = scorer.combine(List.of(series), vector, 0.9);

        assertThat(score.score()).isCloseTo((0.3 * 0.6 + 0.4 * 0.8 + 0.1 * 0.9) / 0.8, Offset.offset(1e-9));
        assertThat(score.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(score.explanation().summary()).contains("ml", "correlation", "isolated");
    }

    @Test
    void mlAloneRaisesAttentionButDoesNotPage() {
        List<Finding> learningSeries = List.of(finding(DetectorKind.ROLLING_ZSCORE, Double.NaN));
        List<Finding> vector = List.of(new Finding("catalog", new DetectorOutput(DetectorKind.ISOLATION_FOREST, 0.99,
                true, 0.8, 0.45, 0.6, "isolated")));

        CompositeScore score = scorer.combine(List.of(learningSeries), vector, 0.9);

        assertThat(score.severity()).isEqualTo(Severity.LOW);
        assertThat(score.explanation().summary()).contains("isolated");
    }

    @Test
    void mlWithAStatisticalFindingIsNotCapped() {
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.7), finding(DetectorKind.EWMA, 0.7));
        List<Finding> vector = List.of(new Finding("catalog", new DetectorOutput(DetectorKind.RECONSTRUCTION, 0.99,
                true, 9, 1, 3, "reconstruction error")));

        CompositeScore score = scorer.combine(List.of(series), vector, Double.NaN);

        assertThat(score.score()).isCloseTo((0.3 * 0.7 + 0.4 * 0.99) / 0.7, Offset.offset(1e-9));
        assertThat(score.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void majorityVoteScoresTheShareOfDetectorsThatFired() {
        CompositeScorer voting = new CompositeScorer(CompositeConfig.ofDefaults().withMode(CompositeConfig.Mode.MAJORITY_VOTE));
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.9), finding(DetectorKind.EWMA, 0.9),
                finding(DetectorKind.IQR, 0.1), finding(DetectorKind.SEASONAL_BAND, Double.NaN));

        CompositeScore score = voting.combine(List.of(series), List.of(), Double.NaN);

        assertThat(score.score()).isCloseTo(2.0 / 3, Offset.offset(1e-9));
        assertThat(score.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void severityFollowsTheSeedThresholds() {
        assertThat(Severity.ofScore(0.95)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.ofScore(0.8)).isEqualTo(Severity.HIGH);
        assertThat(Severity.ofScore(0.6)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.ofScore(0.4)).isEqualTo(Severity.LOW);
        assertThat(Severity.ofScore(0.2)).isEqualTo(Severity.INFO);
        assertThat(Severity.ofScore(0.05)).isEqualTo(Severity.NONE);
    }

    @Test
    void weightsThatDoNotSumToOneAreRejectedWithTheSum() {
        EnumMap<DetectorFamily, Double> weights = new EnumMap<>(DetectorFamily.class);
        for (DetectorFamily family : DetectorFamily.values()) {
            weights.put(family, 0.5);
        }

        assertThatThrownBy(() -> new CompositeConfig(weights, CompositeConfig.Mode.WEIGHTED, 3, Severity.LOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1").hasMessageContaining("2.0");
    }

    @Test
    void configRecordsRejectOutOfRangeValuesNamingTheAllowedRange() {
        assertThatThrownBy(() -> new RollingZScoreConfig(5, 3)).hasMessageContaining("between 10 and 1000");
        assertThatThrownBy(() -> new EwmaConfig(0.9, 3, 30)).hasMessageContaining("alpha must be between 0.01 and 0.5");
        assertThatThrownBy(() -> new IqrConfig(100, 0)).hasMessageContaining("fence must be between 0.5 and 10");
        assertThatThrownBy(() -> new SeasonalBandConfig(0.5, 0.95, 0.5, 30)).hasMessageContaining("lowQuantile");
        assertThatThrownBy(() -> new RateOfChangeConfig(60, Double.NaN, Double.NaN, false))
                .hasMessageContaining("maxRise or maxFall");
        assertThatThrownBy(() -> new HealthConfig(Severity.HIGH, Severity.MEDIUM, 0.97, 3, 30, 120))
                .hasMessageContaining("degradedAt < criticalAt");
    }

    @Test
    void contributionsListEveryFamilyWithItsRenormalisedWeightAndPartOfTheScore() {
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.6), finding(DetectorKind.EWMA, 0.6),
                finding(DetectorKind.SEASONAL_BAND, Double.NaN));
        List<Finding> vector = List.of(new Finding("catalog", new DetectorOutput(DetectorKind.ISOLATION_FOREST, 0.8,
                true, 0.7, Double.NaN, Double.NaN, "isolated")));

        CompositeScore score = scorer.combine(List.of(series), vector, Double.NaN);

        // statistical 0.3 and ML 0.4 have an opinion: weights 3/7 and 4/7; pattern and correlation none
        assertThat(score.explanation().contributions()).containsExactly(
                new FamilyContribution(DetectorFamily.STATISTICAL, 0.6, 0.3 / 0.7, 0.3 / 0.7 * 0.6),
                new FamilyContribution(DetectorFamily.ML, 0.8, 0.4 / 0.7, 0.4 / 0.7 * 0.8),
                new FamilyContribution(DetectorFamily.PATTERN, Double.NaN, 0, 0),
                new FamilyContribution(DetectorFamily.CORRELATION, Double.NaN, 0, 0));
        double sum = score.explanation().contributions().stream().mapToDouble(FamilyContribution::contribution).sum();
        assertThat(score.score()).isCloseTo(sum, Offset.offset(1e-12));
        // an explanation compares equal to one built from plain records, and cannot be changed
        Explanation plain = new Explanation(score.explanation().fired(), List.copyOf(score.explanation().contributions()));
        assertThat(score.explanation()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThatThrownBy(() -> score.explanation().contributions().set(0, null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void majorityVoteContributionsCarryFamilyScoresWithoutWeights() {
        CompositeScorer voting = new CompositeScorer(CompositeConfig.ofDefaults().withMode(CompositeConfig.Mode.MAJORITY_VOTE));
        List<Finding> series = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.9), finding(DetectorKind.EWMA, 0.9));

        CompositeScore score = voting.combine(List.of(series), List.of(), 0.4);

        assertThat(score.explanation().contributions())
                .allSatisfy(c -> assertThat(c.weight()).isZero())
                .allSatisfy(c -> assertThat(c.contribution()).isZero());
        assertThat(score.explanation().contributions()).filteredOn(c -> c.family() == DetectorFamily.CORRELATION)
                .singleElement().satisfies(c -> assertThat(c.score()).isEqualTo(0.4));
    }

    @Test
    void statisticalFamilyIsTheMedianOfASeriesDetectorsInAnyOrder() {
        // four statistical detectors (the seasonal band counts as pattern): median of 0.1, 0.2, 0.8, 0.9 is 0.5
        List<Finding> even = List.of(finding(DetectorKind.ROLLING_ZSCORE, 0.9), finding(DetectorKind.EWMA, 0.1),
                finding(DetectorKind.IQR, 0.8), finding(DetectorKind.ROLLING_ZSCORE, 0.2));
        List<Finding> odd = List.of(finding(DetectorKind.IQR, 0.7), finding(DetectorKind.EWMA, 0.95),
                finding(DetectorKind.ROLLING_ZSCORE, 0.3));

        assertThat(statistical(scorer.combine(List.of(even), List.of(), Double.NaN))).isCloseTo(0.5, Offset.offset(1e-12));
        assertThat(statistical(scorer.combine(List.of(odd), List.of(), Double.NaN))).isEqualTo(0.7);
        // the worst series counts
        assertThat(statistical(scorer.combine(List.of(even, odd), List.of(), Double.NaN))).isEqualTo(0.7);
    }

    private static double statistical(CompositeScore score) {
        return score.explanation().contributions().stream().filter(c -> c.family() == DetectorFamily.STATISTICAL)
                .findFirst().orElseThrow().score();
    }
}
