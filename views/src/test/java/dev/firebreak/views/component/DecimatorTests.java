package dev.firebreak.views.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecimatorTests {

    @Test
    void minMaxKeepsASingleSpikeVisible() {
        double[] values = new double[3600];
        Arrays.fill(values, 10);
        values[1234] = 500;

        Decimator.Columns columns = Decimator.minMax(values, 0, 3600, 300);

        assertThat(columns.size()).isEqualTo(300);
        assertThat(Arrays.stream(columns.max()).max().orElseThrow()).isEqualTo(500);
        assertThat(Arrays.stream(columns.min()).min().orElseThrow()).isEqualTo(10);
    }

    @Test
    void slotsBeforeTheFirstSampleAreEmptyColumns() {
        double[] values = {1, 2, 3, 4};

        Decimator.Columns columns = Decimator.minMax(values, -4, 8, 4);

        assertThat(columns.min()[0]).isNaN();
        assertThat(columns.min()[1]).isNaN();
        assertThat(columns.min()[2]).isEqualTo(1);
        assertThat(columns.max()[3]).isEqualTo(4);
    }

    @Test
    void niceCeilingRoundsUpToOneTwoOrFiveSteps() {
        assertThat(Decimator.niceCeiling(73)).isEqualTo(100);
        assertThat(Decimator.niceCeiling(0.18)).isEqualTo(0.2);
        assertThat(Decimator.niceCeiling(430)).isEqualTo(500);
        assertThat(Decimator.niceCeiling(0)).isEqualTo(1);
    }
}
