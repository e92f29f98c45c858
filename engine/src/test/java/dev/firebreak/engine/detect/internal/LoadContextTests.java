package dev.firebreak.engine.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoadContextTests {

    private static final int HOLD = 60;

    /** A load context as the engine builds it (5 % falling, 10 % rising), after ten minutes at one level. */
    private static LoadContext settledAt(double entryRate) {
        LoadContext load = new LoadContext(2, 120, 0.05, 0.10, HOLD);
        for (int s = 0; s < 600; s++) {
            load.update(entryRate);
        }
        return load;
    }

    private static LoadContext context() {
        return new LoadContext(5, 120, 0.06, HOLD);
    }

    @Test
    void aSlowDailyRampIsNotMovingLoad() {
        LoadContext load = context();
        boolean moving = false;
        // from 200 to 1000 req/s over six hours: the morning ramp
        for (int s = 0; s < 6 * 3600; s++) {
            moving |= load.update(200 + 800.0 * s / (6 * 3600)) && s > 10;
        }
        assertThat(moving).isFalse();
    }

    @Test
    void aBurstIsMovingLoadWhileItLastsAndForTheHoldAfter() {
        LoadContext load = context();
        for (int s = 0; s < 600; s++) {
            load.update(1000);
        }
        boolean movingDuringBurst = false;
        for (int s = 0; s < 60; s++) {
            movingDuringBurst |= load.update(1500);
        }
        boolean movingJustAfter = load.update(1000);
        boolean movingLater = true;
        for (int s = 0; s < 600; s++) {
            movingLater = load.update(1000);
        }

        assertThat(movingDuringBurst).isTrue();
        assertThat(movingJustAfter).isTrue();
        assertThat(movingLater).isFalse();
    }

    @Test
    void aDipOfEntryTrafficExplainsFallingTrafficButNotRisingLatency() {
        LoadContext load = settledAt(1000);

        for (int s = 0; s < 20; s++) {
            load.update(880);
        }

        assertThat(load.falling()).isTrue();
        assertThat(load.rising()).isFalse();
        assertThat(load.explains(MetricName.REQUEST_RATE, Direction.DOWN)).isTrue();
        assertThat(load.explains(MetricName.LATENCY_P99, Direction.UP)).isFalse();
        assertThat(load.explains(MetricName.LATENCY_P99, Direction.BOTH)).isTrue();
    }

    @Test
    void aBurstExplainsRisingLatencyButNeverErrors() {
        LoadContext load = settledAt(1000);

        for (int s = 0; s < 20; s++) {
            load.update(1400);
        }

        assertThat(load.explains(MetricName.LATENCY_P99, Direction.UP)).isTrue();
        assertThat(load.explains(MetricName.REQUEST_RATE, Direction.DOWN)).isFalse();
        assertThat(load.explains(MetricName.ERROR_RATE, Direction.UP)).isFalse();
    }

    @Test
    void trafficFallingBackAfterABurstIsFallingLoadThoughTheSlowAverageNeverReachedTheBurst() {
        LoadContext load = settledAt(830);
        for (int s = 0; s < 100; s++) {
            load.update(1100);
        }
        assertThat(load.falling()).isFalse();

        for (int s = 0; s < 5; s++) {
            load.update(930);
        }

        assertThat(load.falling()).isTrue();
        assertThat(load.explains(MetricName.REQUEST_RATE, Direction.DOWN)).isTrue();
    }

    @Test
    void aBurstExplainsRisingResourceUseThatFollowsTrafficButNotDiskOrQueues() {
        LoadContext load = settledAt(1000);

        for (int s = 0; s < 20; s++) {
            load.update(1600);
        }

        assertThat(load.explains(MetricName.CPU, Direction.UP)).isTrue();
        assertThat(load.explains(MetricName.MEMORY, Direction.UP)).isTrue();
        assertThat(load.explains(MetricName.CONNECTIONS, Direction.UP)).isTrue();
        assertThat(load.explains(MetricName.DISK_USED, Direction.UP)).isFalse();
        assertThat(load.explains(MetricName.QUEUE_DEPTH, Direction.UP)).isFalse();
    }

    @Test
    void theUsualWanderOfEntryTrafficSeldomExplainsLatency() {
        // the simulator's entry traffic wanders 5 % (AR(1), about 20 s memory) around its level all the time
        LoadContext strict = new LoadContext(2, 120, 0.05, 0.10, HOLD);
        LoadContext symmetric = new LoadContext(2, 120, 0.05, HOLD);
        SplittableRandom random = new SplittableRandom(11);
        double noise = 0;
        int risingStrict = 0;
        int risingSymmetric = 0;
        int seconds = 6 * 3600;
        for (int s = 0; s < seconds; s++) {
            noise = 0.95 * noise + Math.sqrt(1 - 0.95 * 0.95) * 0.05 * random.nextGaussian();
            double rate = 1000 * (1 + noise);
            strict.update(rate);
            symmetric.update(rate);
            risingStrict += strict.rising() ? 1 : 0;
            risingSymmetric += symmetric.rising() ? 1 : 0;
        }

        assertThat(risingSymmetric).isGreaterThan(seconds / 4);
        assertThat(risingStrict).isLessThan(seconds / 5).isLessThan(risingSymmetric / 2);
    }

    @Test
    void rejectsASlowAverageNoLongerThanTheFastOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoadContext(60, 30, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slowSeconds");
    }
}
