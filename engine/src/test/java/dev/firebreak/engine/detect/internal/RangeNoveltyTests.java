package dev.firebreak.engine.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RangeNoveltyTests {

    @Test
    void excessIsMeasuredInUnitsOfTheLearnedRange() {
        RangeNovelty novelty = new RangeNovelty(2);
        novelty.excessThenLearn(10);
        novelty.excessThenLearn(20);

        double above = novelty.excessThenLearn(25);
        double below = novelty.excessThenLearn(0);

        assertThat(above).isCloseTo(0.5, within(1e-12));
        // the range is now 10..25, so 0 lies 10/15 of it below
        assertThat(below).isCloseTo(10.0 / 15, within(1e-12));
    }

    @Test
    void valuesInsideTheRangeAreNotNovel() {
        RangeNovelty novelty = new RangeNovelty(2);
        novelty.excessThenLearn(10);
        novelty.excessThenLearn(20);

        assertThat(novelty.excessThenLearn(15)).isZero();
        assertThat(novelty.excessThenLearn(20)).isZero();
    }

    @Test
    void nothingIsNovelWhileLearning() {
        RangeNovelty novelty = new RangeNovelty(3);
        novelty.excessThenLearn(10);
        novelty.excessThenLearn(20);

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
        RangeNovelty novelty = new RangeNovelty(0);
        novelty.excessThenLearn(10);
        novelty.excessThenLearn(20);

        assertThat(novelty.excessThenLearn(Double.NaN)).isZero();
        assertThat(novelty.excessThenLearn(Double.POSITIVE_INFINITY)).isZero();
        assertThat(novelty.min()).isEqualTo(10);
        assertThat(novelty.max()).isEqualTo(20);
    }
}
