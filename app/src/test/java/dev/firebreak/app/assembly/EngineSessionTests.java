package dev.firebreak.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSessionTests {

    /** Detection confirms a severity over a few ticks; a dead database must not take longer than this. */
    private static final int MAX_STEPS_TO_DETECT = 15;

    private static SteppedSession pausedShop() {
        return SteppedSession.start(Topologies.shop(), 1, 1);
    }

    private static void step(SteppedSession session, int seconds) {
        session.advance(seconds);
    }

    @Test
    void configuringDetectionReachesTheOneDetectionEngine() {
        try (SteppedSession session = pausedShop()) {
            MetricDetectionConfig base = session.detection().detectionConfig().forMetric(MetricName.CPU);
            MetricDetectionConfig edited = new MetricDetectionConfig(Optional.of(new RollingZScoreConfig(200, 4)),
                    base.ewma(), base.iqr(), base.seasonal(), base.rateOfChange(), base.multiScale());
            CompositeConfig vote = session.detection().detectionConfig().composite().withMode(CompositeConfig.Mode.MAJORITY_VOTE);

            session.detection().configureDetection(MetricName.CPU, edited, vote);

            assertThat(session.engine().detection().config().forMetric(MetricName.CPU)).isEqualTo(edited);
            assertThat(session.engine().detection().config().composite()).isEqualTo(vote);
            assertThat(session.detection().detectionConfig().forMetric(MetricName.MEMORY))
                    .isEqualTo(DetectionConfig.ofDefaults().forMetric(MetricName.MEMORY));
        }
    }

    @Test
    void defaultSettingsAreTheDetectionEnginesDefaults() {
        try (SteppedSession session = pausedShop()) {
            assertThat(session.detection().detectionConfig()).isEqualTo(DetectionConfig.ofDefaults());
        }
    }

    @Test
    void healthIsTheDetectedHealth() {
        try (SteppedSession session = pausedShop()) {
            step(session, 30);

            for (int i = 0; i < session.topology().size(); i++) {
                assertThat(session.health(i)).isEqualTo(session.engine().detection().state(i));
            }
            assertThat(session.status().healthSnapshot()).containsOnly(HealthState.HEALTHY);
        }
    }

    @Test
    void killedDatabaseIsDetectedWithinSecondsAndMarkedOnItsCharts() {
        try (SteppedSession session = pausedShop()) {
            step(session, 600);
            String target = "postgres-primary";
            int index = session.topology().indexOf(target);
            long killedAt = session.clock().instant().getEpochSecond();
            session.faults().inject(FaultSpecParser.parse("instance-kill:" + target + ",magnitude=1,for=10m",
                    session.clock().instant()));

            int steps = 0;
            while (session.health(index) == HealthState.HEALTHY && steps < MAX_STEPS_TO_DETECT) {
                step(session, 1);
                steps++;
            }

            assertThat(steps).isLessThan(MAX_STEPS_TO_DETECT);
            assertThat(session.health(index)).isIn(HealthState.FAILED, HealthState.CRITICAL);
            long now = session.clock().instant().getEpochSecond();
            assertThat(session.detectionHistory().trace(new SeriesKey(target, MetricName.ERROR_RATE), killedAt, now)
                    .marks()).isNotEmpty();
        }
    }
}
