package dev.firebreak.engine.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadContextTests {

    private static final int HOLD = 60;

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
    void rejectsASlowAverageNoLongerThanTheFastOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoadContext(60, 30, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slowSeconds");
    }
}
