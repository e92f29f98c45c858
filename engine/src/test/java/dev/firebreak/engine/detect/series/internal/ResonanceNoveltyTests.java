package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.series.DailySeries;
import dev.firebreak.engine.detect.series.ResonanceConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResonanceNoveltyTests {

    private static final int DAY = DailySeries.SAMPLES_PER_DAY;


    /** Indexes whose window was a novel category. */
    private static List<Integer> novelAt(ResonanceConfig config, double[] values) {
        ResonanceNovelty resonance = new ResonanceNovelty(config);
        List<Integer> novel = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (resonance.noveltyThenLearn(values[i]) > 0) {
                novel.add(i);
            }
        }
        return novel;
    }

    private static ResonanceConfig withWarmup(int warmupPoints) {
        ResonanceConfig nab = ResonanceConfig.forNab();
        return new ResonanceConfig(nab.windowPoints(), nab.learnMatch(), nab.novelMatch(), warmupPoints, nab.snap(),
                nab.maxCategories(), nab.familiarMatch(), nab.familiarUses(), nab.familiarFactor());
    }

    @Test
    void repeatingDailyPatternIsNeverNovelAndBecomesFamiliar() {
        double[] values = DailySeries.sine(40, 1);
        ResonanceNovelty resonance = new ResonanceNovelty(ResonanceConfig.forNab());
        int novel = 0;
        int familiarInLastTenDays = 0;

        for (int i = 0; i < values.length; i++) {
            novel += resonance.noveltyThenLearn(values[i]) > 0 ? 1 : 0;
            familiarInLastTenDays += i >= 30 * DAY && resonance.familiar() ? 1 : 0;
        }

        assertThat(novel).isZero();
        assertThat(familiarInLastTenDays).isPositive();
    }

    @Test
    void stepToANewLevelIsNovelWithinOneWindow() {
        double[] values = DailySeries.sine(30, 2);
        int step = 25 * DAY;
        for (int i = step; i < values.length; i++) {
            values[i] += 60;
        }

        List<Integer> novel = novelAt(ResonanceConfig.forNab(), values);

        assertThat(novel).isNotEmpty();
        assertThat(novel.getFirst()).isBetween(step, step + ResonanceConfig.NAB_WINDOW_POINTS - 1);
    }

    @Test
    void spikeToANewHeightIsNovelAtTheSpike() {
        double[] values = DailySeries.sine(30, 3);
        int spike = 25 * DAY + 10;
        values[spike] = 95;

        assertThat(novelAt(ResonanceConfig.forNab(), values)).containsExactly(spike);
    }

    @Test
    void newShapeInsideTheKnownRangeIsNovel() {
        int from = 25 * DAY;
        double[] values = DailySeries.sineWithSquareDay(30, 7, 25);

        List<Integer> novel = novelAt(ResonanceConfig.forNab(), values);

        assertThat(novel).isNotEmpty().allMatch(i -> i >= from && i < from + DAY);
    }

    @Test
    void slowDriftIsNotNovel() {
        double[] values = DailySeries.sine(40, 4);
        for (int i = 0; i < values.length; i++) {
            values[i] += 0.01 * i;
        }

        assertThat(novelAt(ResonanceConfig.forNab(), values)).isEmpty();
    }

    @Test
    void constantSeriesIsNeitherNovelNorFamiliar() {
        double[] values = new double[3000];
        Arrays.fill(values, 5.0);
        ResonanceNovelty resonance = new ResonanceNovelty(ResonanceConfig.forNab());
        boolean everFamiliar = false;

        for (double value : values) {
            assertThat(resonance.noveltyThenLearn(value)).isZero();
            everFamiliar |= resonance.familiar();
        }

        assertThat(everFamiliar).isFalse();
        assertThat(resonance.categories()).isZero();
    }

    @Test
    void missingValuesAreIgnoredAndAGapMakesNothingNovel() {
        double[] values = DailySeries.sine(40, 6);
        for (int i = 20 * DAY; i < 22 * DAY; i++) {
            values[i] = Double.NaN;
        }
        ResonanceNovelty resonance = new ResonanceNovelty(ResonanceConfig.forNab());
        int novel = 0;

        for (int i = 0; i < values.length; i++) {
            double before = resonance.lastMatch();
            double novelty = resonance.noveltyThenLearn(values[i]);
            if (Double.isNaN(values[i])) {
                assertThat(novelty).isZero();
                assertThat(resonance.lastMatch()).isEqualTo(before);
            }
            novel += novelty > 0 ? 1 : 0;
        }

        assertThat(novel).isZero();
    }

    @Test
    void nothingIsNovelDuringTheWarmup() {
        double[] values = DailySeries.sine(3, 9);
        int spike = 2 * DAY + 10;
        values[spike] = 95;

        assertThat(novelAt(withWarmup(10), values)).contains(spike);
        // Warm-up counts windows: every window holding the spike ends before this one.
        assertThat(novelAt(withWarmup(spike + ResonanceConfig.NAB_WINDOW_POINTS), values)).isEmpty();
    }

    @Test
    void categoriesNeverExceedTheLimit() {
        ResonanceConfig nab = ResonanceConfig.forNab();
        ResonanceConfig four = new ResonanceConfig(nab.windowPoints(), nab.learnMatch(), nab.novelMatch(),
                nab.warmupPoints(), nab.snap(), 4, nab.familiarMatch(), nab.familiarUses(), nab.familiarFactor());
        ResonanceNovelty resonance = new ResonanceNovelty(four);
        SplittableRandom random = new SplittableRandom(5);

        for (int i = 0; i < 5000; i++) {
            resonance.noveltyThenLearn(random.nextDouble() * 100);
        }

        assertThat(resonance.categories()).isEqualTo(4);
    }
}
