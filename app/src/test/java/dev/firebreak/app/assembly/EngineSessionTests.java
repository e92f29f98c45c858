package dev.firebreak.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.assess.HealthSource;
import dev.firebreak.engine.check.CheckStatus;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.views.testing.Topologies;
import dev.firebreak.engine.topology.Topology;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aDeepGeneratedSystemIsNotReportedDegradedByItsShallowHealthChecksFromTheFirstSecond() {
        // its entry services take over a second per request normally: that is the call chain below them, which a
        // shallow health endpoint does not wait for (detection's own warm-up findings are another matter)
        try (SteppedSession session = SteppedSession.start(dev.firebreak.engine.topology.TopologyGenerator.generate(300, 7),
                101, 1)) {
            step(session, 60);

            List<String> timelines = session.engine().incidents().incidents().stream()
                    .flatMap(i -> session.engine().incidents().timeline(i.id()).stream()).map(e -> e.text()).toList();
            assertThat(timelines).noneMatch(text -> text.contains("checks only") || text.contains("ms timeout"));
        }
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
    void healthIsDetectionAndChecksCombinedAndQuietWhileBothAre() {
        try (SteppedSession session = pausedShop()) {
            step(session, 30);

            for (int i = 0; i < session.topology().size(); i++) {
                assertThat(session.health(i)).isEqualTo(session.engine().health().state(i))
                        .isEqualTo(session.engine().detection().state(i));
            }
            assertThat(session.status().healthSnapshot()).containsOnly(HealthState.HEALTHY);
        }
    }

    @Test
    void everyComponentHasItsSimulatedChecksAndTheyRunOnlyWhenTheSimulatorSteps() {
        try (SteppedSession session = pausedShop()) {
            ComponentChecks before = session.status().checks("cart").orElseThrow();
            step(session, 25);
            ComponentChecks after = session.status().checks("cart").orElseThrow();

            assertThat(before.checks()).extracting(CheckStatus::checkId)
                    .containsExactly("cart/endpoint", "cart/instances", "cart/resources", "cart/deep-endpoint");
            assertThat(before.checks()).allSatisfy(check -> assertThat(check.lastRun()).isEmpty());
            assertThat(after.tier(CheckTier.SHALLOW)).allSatisfy(check -> assertThat(check.lastRun().orElseThrow().at())
                    .isEqualTo(session.clock().instant().minusSeconds(4)));
            assertThat(after.verdict().state()).isEqualTo(HealthState.HEALTHY);
        }
    }

    @Test
    void lostReplicaOfAMultiReplicaComponentShowsDegradedAtLowSeverityThroughTheStatusPort() {
        try (SteppedSession session = pausedShop()) {
            step(session, 600);
            int catalog = session.topology().indexOf("catalog");
            session.faults().inject(FaultSpecParser.parse("instance-kill:catalog,magnitude=1", session.clock().instant()));

            step(session, 12);

            HealthAssessment assessment = session.status().assessment(catalog);
            assertThat(session.health(catalog)).isEqualTo(HealthState.DEGRADED);
            assertThat(assessment.severity()).isEqualTo(Severity.LOW);
            assertThat(assessment.source()).isEqualTo(HealthSource.CHECKS);
            assertThat(session.engine().detection().state(catalog)).isEqualTo(HealthState.HEALTHY);
            assertThat(session.status().checks("catalog").orElseThrow().tier(CheckTier.SHALLOW))
                    .filteredOn(CheckStatus::failing).singleElement()
                    .satisfies(check -> assertThat(check.lastRun().orElseThrow().result().message())
                            .isEqualTo("catalog: 1 of 6 instances down"));
        }
    }

    @Test
    void realChecksFromAFileReplaceTheSimulatedChecksOfTheirComponentAndProbeTheEndpoint(@TempDir Path dir)
            throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            for (int attempt = 0; attempt < 4; attempt++) {
                server.enqueue(new MockResponse().setResponseCode(503));
            }
            Path file = dir.resolve("checks.yaml");
            Files.writeString(file, "checks:\n  - component: payments\n    http: " + server.url("/health") + "\n");
            Topology shop = Topologies.shop();
            EngineOptions options = EngineOptions.console(1, 1).withRealChecks(RealChecks.fromFile(file, shop));

            try (EngineSession engine = EngineSession.assemble(shop, options)) {
                RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);

                assertThat(request).as("the real check ran at once, without a tick").isNotNull();
                assertThat(request.getPath()).isEqualTo("/health");
                assertThat(engine.checks("payments").orElseThrow().checks()).extracting(CheckStatus::checkId)
                        .containsExactly("payments/http");
                assertThat(engine.checks("orders").orElseThrow().checks()).hasSize(4);
            }
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
            // its endpoint check may see it down a tick before detection does: degraded (checks only) until then
            while (!session.health(index).isWorseThan(HealthState.DEGRADED) && steps < MAX_STEPS_TO_DETECT) {
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
