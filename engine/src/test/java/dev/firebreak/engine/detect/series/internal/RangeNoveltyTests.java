package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RangeNoveltyTests {

    /** A range novelty with the given warm-up that has scored and learned 10, then 20. */
    private static RangeNovelty afterTenAndTwenty(int warmupSamples) {
        RangeNovelty novelty = new RangeNovelty(warmupSamples);
        novelty.excessThenLearn(10);
        novelty.excessThenLearn(20);
        return novelty;
    }

    @Test
    void excessIsMeasuredInUnitsOfTheLearnedRange() {
        RangeNovelty novelty = afterTenAndTwenty(2);

        double above = novelty.excessThenLearn(25);
        double below = novelty.excessThenLearn(0);

        assertThat(above).isCloseTo(0.5, within(1e-12));
        // the range is now 10..25, so 0 lies 10/15 of it below
        assertThat(below).isCloseTo(10.0 / 15, within(1e-12));
    }

    @Test
    void valuesInsideTheRangeAreNotNovel() {
        RangeNovelty novelty = afterTenAndTwenty(2);

        assertThat(novelty.excessThenLearn(15)).isZero();
        assertThat(novelty.excessThenLearn(20)).isZero();
    }

    @Test
    void nothingIsNovelWhileLearning() {
        RangeNovelty novelty = afterTenAndTwenty(3);

        double whileLearning = novelty.excessThenLearn(1000);

        assertThat(whileLearning).isZero();
        assertThat(novelty.max()).isEqualTo(1000);
    }

    @Test
    void constantHistoryHasNoRangeSoNothingIsNovel() {
        RangeNovelty novelty = new RangeNovelty(0);
        for (int i = 0; i < 100; i++) {
            novelty.excessThenLearn(5);
        }

        assertThat(novelty.excessThenLearn(6)).isZero();
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        RangeNovelty novelty = afterTenAndTwenty(0);

        assertThat(novelty.excessThenLearn(Double.NaN)).isZero();
        assertThat(novelty.excessThenLearn(Double.POSITIVE_INFINITY)).isZero();
        assertThat(novelty.min()).isEqualTo(10);
        assertThat(novelty.max()).isEqualTo(20);
    }
}
