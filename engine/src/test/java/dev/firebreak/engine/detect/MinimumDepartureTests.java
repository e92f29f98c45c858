package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.composite.CompositeScore;
import dev.firebreak.engine.detect.composite.CompositeScorer;
import dev.firebreak.engine.detect.composite.Finding;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.DetectionConfigException;
import dev.firebreak.engine.detect.config.DetectionConfigLoader;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A component reaches medium only on a finding that is its metric's minimum departure beyond its band
 * (ADR 0022). Series are built here, one sample per simulated second; nothing sleeps.
 */
class MinimumDepartureTests {

    /** A Wednesday afternoon, when the shop's traffic peaks. */
    private static final long PEAK = 1_793_800_800L; // 2026-11-04T14:00:00Z
    private static final long WEEK = 7 * 86_400L;
    private static final int LEARN = 300;

    private final CompositeScorer scorer = new CompositeScorer(CompositeConfig.ofDefaults());

    /**
     * The findings of one latency series at a busy hour: {@link #LEARN} seconds around 110 ms with 3 % noise
     * (a p99 at a steady peak), then {@code seconds} at {@code level}; the last sample's findings.
     */
    private static List<Finding> latencyAfter(double level, int seconds) {
        List<SeriesDetector> detectors = latency().createDetectors();
        SplittableRandom random = new SplittableRandom(11);
        long t = PEAK;
        for (int i = 0; i < LEARN; i++, t++) {
            double value = 110 * (1 + 0.03 * random.nextGaussian());
            for (SeriesDetector detector : detectors) {
                detector.update(t, value);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < seconds; i++, t++) {
            findings.clear();
            for (SeriesDetector detector : detectors) {
                findings.add(new Finding("svc/latency_p99", detector.update(t, level)));
            }
        }
        return List.copyOf(findings);
    }

    private static MetricDetectionConfig latency() {
        return MetricDetectionConfig.defaultFor(MetricName.LATENCY_P99);
    }

    private CompositeScore score(List<Finding> findings, MinimumDeparture margin) {
        return scorer.combine(List.of(findings), List.of(margin), List.of(), Double.NaN);
    }

    @Test
    void latencyNeedsFivePercentBeyondItsBandsByDefaultAndOtherKindsNothing() {
        assertThat(latency().minDeparture()).isEqualTo(new MinimumDeparture(0.05, 0));
        assertThat(MetricDetectionConfig.defaultFor(MetricName.LATENCY_P50).minDeparture().relative()).isEqualTo(0.05);
        assertThat(DetectionConfig.ofDefaults().forMetric(MetricName.LATENCY_P95).minDeparture().relative())
                .isEqualTo(0.05);
        assertThat(MetricDetectionConfig.defaultFor(MetricName.ERROR_RATE).minDeparture()).isEqualTo(MinimumDeparture.NONE);
        assertThat(MetricDetectionConfig.defaultFor(MetricName.CPU).minDeparture()).isEqualTo(MinimumDeparture.NONE);
    }

    @Test
    void aFewPercentAboveTheBandsAtAPeakStaysBelowMediumButStillFires() {
        // 3 sigma of the learned noise is about 10 % of 110 ms: 124 ms is 1-2 % above the rolling and IQR
        // bands, as the Wednesday-peak alarms of the second fault-free week were
        List<Finding> findings = latencyAfter(124, 3);

        CompositeScore without = score(findings, MinimumDeparture.NONE);
        CompositeScore withMargin = score(findings, latency().minDeparture());

        assertThat(without.severity()).as("the page the margin removes").isGreaterThanOrEqualTo(Severity.MEDIUM);
        assertThat(withMargin.severity()).as(withMargin.explanation().summary()).isEqualTo(Severity.LOW);
        // still shown as unusual, with the same findings: only the page is withheld
        assertThat(withMargin.explanation().fired()).isEqualTo(without.explanation().fired()).isNotEmpty();
    }

    @Test
    void aRealStepOfLatencyStillReachesMediumOrWorse() {
        CompositeScore quarterUp = score(latencyAfter(140, 3), latency().minDeparture());
        CompositeScore doubled = score(latencyAfter(220, 3), latency().minDeparture());

        assertThat(quarterUp.severity()).as(quarterUp.explanation().summary()).isGreaterThanOrEqualTo(Severity.MEDIUM);
        assertThat(doubled.severity()).isGreaterThanOrEqualTo(Severity.HIGH);
    }

    @Test
    void aMarginalLatencyFindingPagesWhenAnotherSignalIsClearlyOut() {
        // CPU pressure: latency only a hair above its bands, but CPU jumped past its rate-of-change limit
        List<Finding> latencyFindings = latencyAfter(124, 3);
        DetectorOutput cpuJump = new DetectorOutput(DetectorKind.RATE_OF_CHANGE, 0.99, true, 80, Double.NEGATIVE_INFINITY,
                50, "rose 59 points within 60 s");
        List<Finding> cpuFindings = List.of(new Finding("svc/cpu", cpuJump));

        CompositeScore both = scorer.combine(List.of(latencyFindings, cpuFindings),
                List.of(latency().minDeparture(), MinimumDeparture.NONE), List.of(), Double.NaN);

        assertThat(both.severity()).as(both.explanation().summary()).isGreaterThanOrEqualTo(Severity.MEDIUM);
    }

    @Test
    void theSeasonalBandsFindingIsMarginalWithinTheMarginAndClearBeyondIt() {
        SeriesDetector seasonal = latency().createDetectors().stream()
                .filter(d -> d.kind() == DetectorKind.SEASONAL_BAND).findFirst().orElseThrow();
        SplittableRandom random = new SplittableRandom(8);
        // last week's hour: 110 ms ± 3 %, so p5-p95 is about 104..116 and the tolerance line about 122
        for (int i = 0; i < 3600; i++) {
            seasonal.update(PEAK + i, 110 * (1 + 0.03 * random.nextGaussian()));
        }
        long nextWeek = PEAK + WEEK + 60;
        MinimumDeparture margin = latency().minDeparture();

        DetectorOutput hairAbove = seasonal.update(nextWeek, 124);
        DetectorOutput stepUp = seasonal.update(nextWeek + 1, 150);

        assertThat(hairAbove.fired()).isTrue();
        assertThat(margin.clears(hairAbove.observed(), hairAbove.expectedLow(), hairAbove.expectedHigh())).isFalse();
        assertThat(stepUp.fired()).isTrue();
        assertThat(margin.clears(stepUp.observed(), stepUp.expectedLow(), stepUp.expectedHigh())).isTrue();
    }

    @Test
    void marginIsMeasuredFromTheCrossedEdgeWithAnAbsoluteFloor() {
        MinimumDeparture margin = new MinimumDeparture(0.05, 2);

        assertThat(margin.beyond(10)).isEqualTo(2);
        assertThat(margin.beyond(100)).isEqualTo(5);
        assertThat(margin.clears(104.9, 50, 100)).isFalse();
        assertThat(margin.clears(105, 50, 100)).isTrue();
        assertThat(margin.clears(47.6, 50, 100)).isFalse(); // 2.5 below, needs 2.5 (5 % of 50)
        assertThat(margin.clears(47, 50, 100)).isTrue();
        assertThat(margin.clears(1e9, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(margin.clears(5, Double.NaN, Double.NaN)).as("no band: the detector's own rule").isTrue();
        assertThat(MinimumDeparture.NONE.clears(100.001, 50, 100)).isTrue();
    }

    @Test
    void theEngineHoldsAMarginalLatencyAtLowAndPagesOnARealStep() {
        DetectionConfig config = DetectionConfig.ofDefaults();
        List<Finding> marginal = latencyAfter(124, 3);
        List<Finding> step = latencyAfter(160, 3);
        CompositeScorer engineScorer = new CompositeScorer(config.composite());
        MinimumDeparture margin = config.forMetric(MetricName.LATENCY_P99).minDeparture();

        assertThat(engineScorer.combine(List.of(marginal), List.of(margin), List.of(), 0.7).severity())
                .as("a neighbour's score (correlation) does not lift it").isEqualTo(Severity.LOW);
        assertThat(engineScorer.combine(List.of(step), List.of(margin), List.of(), Double.NaN).severity())
                .isGreaterThanOrEqualTo(Severity.MEDIUM);
    }

    @Test
    void yamlSetsOrSwitchesOffTheMarginPerMetricAndKeepsItOtherwise() throws DetectionConfigException {
        DetectionConfig config = DetectionConfigLoader.parse("test.yaml", new StringReader("""
                metrics:
                  latency_p95:
                    minDeparture: {relative: 0.1, absolute: 3}
                  latency_p50:
                    minDeparture: off
                  error_rate:
                    minDeparture: {absolute: 0.5}
                  latency_p99:
                    rolling: {window: 50, k: 4}
                """));

        assertThat(config.forMetric(MetricName.LATENCY_P95).minDeparture()).isEqualTo(new MinimumDeparture(0.1, 3));
        assertThat(config.forMetric(MetricName.LATENCY_P50).minDeparture()).isEqualTo(MinimumDeparture.NONE);
        assertThat(config.forMetric(MetricName.ERROR_RATE).minDeparture()).isEqualTo(new MinimumDeparture(0, 0.5));
        assertThat(config.forMetric(MetricName.LATENCY_P99).minDeparture()).isEqualTo(new MinimumDeparture(0.05, 0));
    }

    @Test
    void yamlRejectsAMarginOutsideItsRangeWithTheField() {
        assertThatThrownBy(() -> DetectionConfigLoader.parse("test.yaml", new StringReader("""
                metrics:
                  latency_p99:
                    minDeparture: {relative: 2}
                """)))
                .isInstanceOf(DetectionConfigException.class)
                .hasMessageContaining("minDeparture")
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new MinimumDeparture(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
