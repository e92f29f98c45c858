package dev.firebreak.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.views.testing.Topologies;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedSessionTests {

    /** Detection confirms a severity over a few ticks; a dead database must not take longer than this. */
    private static final int MAX_STEPS_TO_DETECT = 15;

    private static SimulatedSession pausedShop() {
        return (SimulatedSession) SimulatedSession.pausedFactory().start(Topologies.shop(), 1, 1);
    }

    private static void step(SimulatedSession session, int seconds) {
        for (int i = 0; i < seconds; i++) {
            session.simulator().step();
        }
    }

    @Test
    void configuringDetectionReachesTheOneDetectionEngine() {
        try (SimulatedSession session = pausedShop()) {
            MetricDetectionConfig base = session.detectionConfig().forMetric(MetricName.CPU);
            MetricDetectionConfig edited = new MetricDetectionConfig(Optional.of(new RollingZScoreConfig(200, 4)),
                    base.ewma(), base.iqr(), base.seasonal(), base.rateOfChange(), base.multiScale());
            CompositeConfig vote = session.detectionConfig().composite().withMode(CompositeConfig.Mode.MAJORITY_VOTE);

            session.configureDetection(MetricName.CPU, edited, vote);

            assertThat(session.detection().config().forMetric(MetricName.CPU)).isEqualTo(edited);
            assertThat(session.detection().config().composite()).isEqualTo(vote);
            assertThat(session.detectionConfig().forMetric(MetricName.MEMORY))
                    .isEqualTo(DetectionConfig.ofDefaults().forMetric(MetricName.MEMORY));
        }
    }

    @Test
    void defaultSettingsAreTheDetectionEnginesDefaults() {
        try (SimulatedSession session = pausedShop()) {
            assertThat(session.detectionConfig()).isEqualTo(DetectionConfig.ofDefaults());
        }
    }

    @Test
    void healthIsTheDetectedHealth() {
        try (SimulatedSession session = pausedShop()) {
            step(session, 30);

            for (int i = 0; i < session.topology().size(); i++) {
                assertThat(session.health(i)).isEqualTo(session.detection().state(i));
            }
            assertThat(session.healthSnapshot()).containsOnly(HealthState.HEALTHY);
        }
    }

    @Test
    void killedDatabaseIsDetectedWithinSecondsAndMarkedOnItsCharts() {
        try (SimulatedSession session = pausedShop()) {
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
