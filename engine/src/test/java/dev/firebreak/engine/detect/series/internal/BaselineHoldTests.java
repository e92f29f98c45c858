package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselineHoldTests {

    private static final long START = 1_793_620_800L;
    private static final int NORMAL = 600;
    private static final int TWENTY_MINUTES = 1200;

    /** Latency-like series: level 100 with noise 2, and a step of +20 between from and to. */
    private static double[] stepSeries(int length, int from, int to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = 100 + 2 * random.nextGaussian() + (i >= from && i < to ? 20 : 0);
        }
        return values;
    }

    private static BaselineHold latencyDetectors(Optional<BaselineHoldConfig> hold) {
        return new BaselineHold(MetricDetectionConfig.defaultFor(MetricName.LATENCY_P99).createDetectors(), hold);
    }

    /** For each sample, whether most of the statistical detectors with an opinion fired. */
    private static boolean[] flaggedByMost(BaselineHold hold, double[] values) {
        boolean[] flagged = new boolean[values.length];
        List<DetectorOutput> outputs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            hold.update(START + i, values[i], false, false, outputs);
            int opinions = 0;
            int fired = 0;
            for (DetectorOutput output : outputs) {
                if (output.kind().family() == DetectorFamily.STATISTICAL && !output.isLearning()) {
                    opinions++;
                    fired += output.fired() ? 1 : 0;
                }
            }
            flagged[i] = opinions > 0 && 2 * fired > opinions;
        }
        return flagged;
    }

    private static int count(boolean[] flags, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += flags[i] ? 1 : 0;
        }
        return n;
    }

    @Test
    void twentyMinuteStepStaysFlaggedForItsWholeLengthAndStopsAfterItEnds() {
        double[] values = stepSeries(NORMAL + TWENTY_MINUTES + NORMAL, NORMAL, NORMAL + TWENTY_MINUTES, 3);
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));

        boolean[] flagged = flaggedByMost(hold, values);

        assertThat(count(flagged, NORMAL, NORMAL + TWENTY_MINUTES)).isEqualTo(TWENTY_MINUTES);
        int after = NORMAL + TWENTY_MINUTES + 60;
        assertThat(count(flagged, after, values.length)).isLessThanOrEqualTo(3);
        assertThat(hold.holding()).isFalse();
    }

    @Test
    void withoutTheHoldTheSameStepIsLearnedAsNormalWithinAFewMinutes() {
        double[] values = stepSeries(NORMAL + TWENTY_MINUTES + NORMAL, NORMAL, NORMAL + TWENTY_MINUTES, 3);
        BaselineHold hold = latencyDetectors(Optional.empty());

        boolean[] flagged = flaggedByMost(hold, values);

        assertThat(count(flagged, NORMAL + 300, NORMAL + TWENTY_MINUTES)).isLessThan(20);
    }

    @Test
    void aLevelThatStaysAwayLongerThanTheAcceptTimeBecomesTheNewNormal() {
        BaselineHoldConfig tenMinutes = new BaselineHoldConfig(3, 30, 600);
        double[] values = stepSeries(NORMAL + 2400, NORMAL, Integer.MAX_VALUE, 5);
        BaselineHold hold = latencyDetectors(Optional.of(tenMinutes));

        boolean[] flagged = flaggedByMost(hold, values);

        assertThat(count(flagged, NORMAL, NORMAL + 590)).isEqualTo(590);
        // after acceptance the detectors relearn the new level for one window, then it is normal
        assertThat(count(flagged, NORMAL + 900, values.length)).isLessThanOrEqualTo(10);
        assertThat(hold.holding()).isFalse();
    }

    @Test
    void aSingleSpikeDoesNotOpenAnEpisode() {
        double[] values = stepSeries(NORMAL + 300, 0, 0, 9);
        values[NORMAL + 10] = 200;
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));
        List<DetectorOutput> outputs = new ArrayList<>();

        boolean everHeld = false;
        for (int i = 0; i < values.length; i++) {
            hold.update(START + i, values[i], false, false, outputs);
            everHeld |= hold.holding();
        }

        assertThat(everHeld).isFalse();
    }

    @Test
    void aSlowDailyCurveNeitherFiresNorHoldsForLong() {
        SplittableRandom random = new SplittableRandom(13);
        int day = 86_400;
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));
        List<DetectorOutput> outputs = new ArrayList<>();
        int heldSeconds = 0;
        int flagged = 0;

        for (int i = 0; i < day; i++) {
            double value = 100 + 40 * Math.sin(2 * Math.PI * i / day) + 2 * random.nextGaussian();
            hold.update(START + i, value, false, false, outputs);
            heldSeconds += hold.holding() ? 1 : 0;
            long fired = outputs.stream().filter(DetectorOutput::fired).count();
            flagged += fired >= 2 ? 1 : 0;
        }

        assertThat(heldSeconds).isLessThan(day / 100);
        assertThat(flagged).isLessThan(day / 200);
    }

    @Test
    void aStepThatLoadExplainsIsLearnedAsBefore() {
        double[] values = stepSeries(NORMAL + 600, NORMAL, Integer.MAX_VALUE, 17);
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));
        List<DetectorOutput> outputs = new ArrayList<>();

        boolean everHeld = false;
        for (int i = 0; i < values.length; i++) {
            hold.update(START + i, values[i], i >= NORMAL, false, outputs);
            everHeld |= hold.holding();
        }

        assertThat(everHeld).isFalse();
        assertThat(outputs.stream().filter(DetectorOutput::fired)).isEmpty();
    }

    /**
     * Latency that drops by a fifth for two minutes (callers failing fast while a database is down) and
     * comes back: the return is flagged as a rise only if the drop was learned.
     */
    private static boolean[] dropAndReturn(boolean componentHoldingDuringDrop) {
        double[] values = stepSeries(NORMAL + 120 + 300, 0, 0, 21);
        for (int i = NORMAL; i < NORMAL + 120; i++) {
            values[i] -= 20;
        }
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));
        List<DetectorOutput> outputs = new ArrayList<>();
        boolean[] flagged = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            boolean duringDrop = i >= NORMAL && i < NORMAL + 120;
            hold.update(START + i, values[i], false, componentHoldingDuringDrop && duringDrop, outputs);
            flagged[i] = outputs.stream().filter(DetectorOutput::fired).count() >= 2;
        }
        return flagged;
    }

    @Test
    void aDropWhileAnotherSeriesOfTheComponentHoldsIsNotLearnedSoTheReturnIsNotFlagged() {
        boolean[] flagged = dropAndReturn(true);

        assertThat(count(flagged, NORMAL + 120, flagged.length)).isLessThanOrEqualTo(3);
    }

    @Test
    void theSameDropLearnedAloneMakesTheReturnLookLikeARise() {
        boolean[] flagged = dropAndReturn(false);

        assertThat(count(flagged, NORMAL + 120, NORMAL + 180)).isGreaterThan(30);
    }

    @Test
    void anyFiredSaysWhetherSomeDetectorFiredOnTheLastSampleIncludingReplacedOutputs() {
        double[] values = stepSeries(NORMAL + 60, NORMAL, Integer.MAX_VALUE, 23);
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));
        List<DetectorOutput> outputs = new ArrayList<>();
        int agreed = 0;
        for (int i = 0; i < values.length; i++) {
            hold.update(START + i, values[i], false, false, outputs);
            boolean anyOutputFired = outputs.stream().anyMatch(DetectorOutput::fired);
            assertThat(hold.anyFired()).as("sample %d", i).isEqualTo(anyOutputFired);
            agreed += anyOutputFired ? 1 : 0;
        }
        assertThat(agreed).as("samples on which something fired").isGreaterThan(30);

        // The load context replaces every fired output with an explained one: then nothing fired.
        for (int i = 0; i < hold.outputCount(); i++) {
            if (hold.output(i).fired()) {
                hold.replaceOutput(i, LoadExplanation.explained(hold.output(i)));
            }
        }
        assertThat(hold.anyFired()).isFalse();
        // and putting a fired output back counts it again
        hold.replaceOutput(0, new DetectorOutput(hold.output(0).kind(), 1, true, 200, 90, 110, "fired"));
        assertThat(hold.anyFired()).isTrue();
    }

    /** Ten minutes of the step series' normal level, learned. */
    private static BaselineHold warmedUp() {
        BaselineHold hold = latencyDetectors(Optional.of(BaselineHoldConfig.ofDefaults()));
        double[] values = stepSeries(NORMAL, Integer.MAX_VALUE, Integer.MAX_VALUE, 5);
        for (int i = 0; i < values.length; i++) {
            hold.update(START + i, values[i], false, false);
        }
        return hold;
    }

    @Test
    void explainingByLoadClearsFindingsALoadMoveCouldCauseButNotAValueFarOutsideItsBand() {
        BaselineHold near = warmedUp();
        BaselineHold far = warmedUp();
        near.update(START + NORMAL, 112, true, false);
        far.update(START + NORMAL, 300, true, false);
        assertThat(near.anyFired()).isTrue();
        assertThat(far.anyFired()).isTrue();

        near.explainFiredByLoad();
        far.explainFiredByLoad();

        assertThat(near.anyFired()).isFalse();
        assertThat(near.output(0).reason()).startsWith("entry traffic moving: load, not a fault (");
        assertThat(far.anyFired()).isTrue();
        assertThat(far.output(0).kind().name()).isEqualTo("ROLLING_ZSCORE");
        assertThat(far.output(0).fired()).isTrue();
    }
}
