package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class HealthCheckSchedulerTests {

    private final SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final ManualTaskScheduler tasks = new ManualTaskScheduler(clock);
    private final EventBus bus = new EventBus();
    private final List<HealthCheckCompleted> completed = new ArrayList<>();
    private final List<CheckedHealthChanged> changes = new ArrayList<>();

    HealthCheckSchedulerTests() {
        bus.subscribe(HealthCheckCompleted.class, completed::add);
        bus.subscribe(CheckedHealthChanged.class, changes::add);
    }

    /** A probe that answers from a script of outcomes, repeating the last one, and counts its runs. */
    private static final class ScriptedProbe implements Probe {
        private final Deque<ProbeOutcome> script;
        private ProbeOutcome last = ProbeOutcome.PASS;
        private int runs;

        ScriptedProbe(ProbeOutcome... outcomes) {
            script = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public ProbeResult run(Duration timeout) {
            runs++;
            if (!script.isEmpty()) {
                last = script.poll();
            }
            return new ProbeResult(last, "scripted " + last, Duration.ZERO);
        }

        @Override
        public String description() {
            return "scripted";
        }
    }

    private HealthCheckScheduler scheduler(List<HealthCheck> checks) {
        return new HealthCheckScheduler(checks, CheckPolicies.defaults(), tasks, clock, bus);
    }

    @Test
    void failedAttemptIsRetriedBeforeTheCheckCountsAsFailed() {
        ScriptedProbe probe = new ScriptedProbe(ProbeOutcome.FAIL, ProbeOutcome.TIMEOUT, ProbeOutcome.PASS);
        HealthCheckScheduler scheduler = scheduler(List.of(new HealthCheck("web/http", "web", CheckTier.SHALLOW, probe)));

        scheduler.start();
        tasks.advance(Duration.ZERO);

        assertThat(completed).singleElement().satisfies(c -> {
            assertThat(c.attempts()).isEqualTo(3);
            assertThat(c.result().passed()).isTrue();
        });
        assertThat(scheduler.verdict("web").orElseThrow().state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void shallowFailureDegradesAndTriggersDeepChecksAtOnce() {
        ScriptedProbe shallow = new ScriptedProbe(ProbeOutcome.FAIL);
        ScriptedProbe deep = new ScriptedProbe(ProbeOutcome.PASS);
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("web/http", "web", CheckTier.SHALLOW, shallow),
                new HealthCheck("web/db", "web", CheckTier.DEEP, deep)));

        scheduler.start();
        tasks.advance(Duration.ZERO);

        assertThat(shallow.runs).isEqualTo(1 + CheckPolicies.defaults().shallow().retries());
        assertThat(deep.runs).as("the scheduled deep run plus the triggered one").isEqualTo(2);
        assertThat(scheduler.verdict("web").orElseThrow().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(changes).extracting(CheckedHealthChanged::to).containsExactly(HealthState.DEGRADED);
    }

    @Test
    void threeFailedShallowRunsMakeTheComponentCriticalAndAPassHealsIt() {
        ScriptedProbe shallow = new ScriptedProbe(ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL,
                ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL,
                ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.PASS);
        HealthCheckScheduler scheduler = scheduler(List.of(new HealthCheck("web/http", "web", CheckTier.SHALLOW, shallow)));
        Duration interval = CheckPolicies.defaults().shallow().interval();

        scheduler.start();
        tasks.advance(interval.multipliedBy(2));
        HealthState afterThreeRuns = scheduler.verdict("web").orElseThrow().state();
        tasks.advance(interval);

        assertThat(afterThreeRuns).isEqualTo(HealthState.CRITICAL);
        assertThat(changes).extracting(CheckedHealthChanged::to)
                .containsExactly(HealthState.DEGRADED, HealthState.CRITICAL, HealthState.HEALTHY);
        assertThat(changes.get(1).at()).isEqualTo(Instant.parse("2026-11-02T10:00:20Z"));
    }

    @Test
    void deepFailureMakesTheComponentCritical() {
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("db/tcp", "db", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.PASS)),
                new HealthCheck("db/select", "db", CheckTier.DEEP, new ScriptedProbe(ProbeOutcome.FAIL))));

        scheduler.start();
        tasks.advance(Duration.ZERO);

        HealthVerdict verdict = scheduler.verdict("db").orElseThrow();
        assertThat(verdict.state()).isEqualTo(HealthState.CRITICAL);
        assertThat(verdict.remediate()).isTrue();
    }

    @Test
    void aRecheckRunsTheComponentsShallowAndDeepChecksAtOnceNotAtTheirNextScheduledRun() {
        ScriptedProbe deep = new ScriptedProbe(ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.FAIL, ProbeOutcome.PASS);
        ScriptedProbe flow = new ScriptedProbe(ProbeOutcome.PASS);
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("db/tcp", "db", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.PASS)),
                new HealthCheck("db/select", "db", CheckTier.DEEP, deep),
                new HealthCheck("db/order-flow", "db", CheckTier.COMPREHENSIVE, flow)));
        scheduler.start();
        tasks.advance(Duration.ZERO);
        assertThat(scheduler.verdict("db").orElseThrow().state()).isEqualTo(HealthState.CRITICAL);

        tasks.advance(Duration.ofSeconds(5)); // the next deep run is 55 s away
        boolean rechecked = scheduler.recheck("db");
        tasks.advance(Duration.ZERO);

        assertThat(rechecked).isTrue();
        assertThat(scheduler.verdict("db").orElseThrow().state()).isEqualTo(HealthState.HEALTHY);
        assertThat(flow.runs).as("the end-to-end flow keeps its schedule").isEqualTo(1);
        assertThat(scheduler.recheck("nothing-checks-it")).isFalse();
        tasks.advance(Duration.ofSeconds(55));
        assertThat(deep.runs).as("the periodic schedule goes on as before").isEqualTo(3 + 1 + 1);
    }

    @Test
    void comprehensiveFailureFailsTheComponentAndEscalates() {
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("shop/http", "shop", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.PASS)),
                new HealthCheck("shop/checkout-flow", "shop", CheckTier.COMPREHENSIVE,
                        new ScriptedProbe(ProbeOutcome.FAIL))));

        scheduler.start();
        tasks.advance(Duration.ZERO);

        HealthVerdict verdict = scheduler.verdict("shop").orElseThrow();
        assertThat(verdict.state()).isEqualTo(HealthState.FAILED);
        assertThat(verdict.escalate()).isTrue();
    }

    @Test
    void checksRunAtTheirTiersIntervals() {
        ScriptedProbe shallow = new ScriptedProbe(ProbeOutcome.PASS);
        ScriptedProbe deep = new ScriptedProbe(ProbeOutcome.PASS);
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("a/http", "a", CheckTier.SHALLOW, shallow),
                new HealthCheck("a/db", "a", CheckTier.DEEP, deep)));

        scheduler.start();
        tasks.advance(Duration.ofSeconds(120));

        assertThat(shallow.runs).isEqualTo(13);
        assertThat(deep.runs).isEqualTo(3);
    }

    @Test
    void closeCancelsEveryPendingRun() {
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("a/http", "a", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.PASS))));
        scheduler.start();
        tasks.advance(Duration.ofSeconds(15));

        scheduler.close();
        int before = completed.size();
        tasks.advance(Duration.ofMinutes(5));

        assertThat(completed).hasSize(before);
        assertThat(tasks.pending()).isZero();
    }

    @Test
    void componentChecksGiveEachChecksLastRunPerTierAndTheVerdict() {
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("web/http", "web", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.PASS)),
                new HealthCheck("web/instances", "web", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.FAIL)),
                new HealthCheck("web/db", "web", CheckTier.DEEP, new ScriptedProbe(ProbeOutcome.PASS))));
        scheduler.start();

        tasks.advance(Duration.ofSeconds(5));
        ComponentChecks checks = scheduler.checks("web").orElseThrow();

        assertThat(checks.tier(CheckTier.SHALLOW)).extracting(CheckStatus::checkId)
                .containsExactly("web/http", "web/instances");
        assertThat(checks.tier(CheckTier.DEEP)).extracting(CheckStatus::checkId).containsExactly("web/db");
        assertThat(checks.tier(CheckTier.COMPREHENSIVE)).isEmpty();
        CheckStatus failing = checks.tier(CheckTier.SHALLOW).get(1);
        assertThat(failing.failing()).isTrue();
        assertThat(failing.failedRuns()).isEqualTo(1);
        assertThat(failing.lastRun().orElseThrow().attempts()).isEqualTo(4);
        assertThat(failing.lastRun().orElseThrow().at()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(failing.description()).isEqualTo("scripted");
        assertThat(checks.verdict().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(scheduler.checks("nobody")).isEmpty();
    }

    @Test
    void verdictSaysHowManyFailedWhatFollowsAndWhatTheFailingChecksSaw() {
        HealthCheckScheduler scheduler = scheduler(List.of(
                new HealthCheck("web/http", "web", CheckTier.SHALLOW, new ScriptedProbe(ProbeOutcome.FAIL))));
        scheduler.start();

        tasks.advance(Duration.ofSeconds(10));

        assertThat(scheduler.verdict("web").orElseThrow().reason())
                .isEqualTo("2 shallow failures: degraded, deep checks triggered (failing: scripted FAIL)");
    }

    @Test
    void duplicateCheckIdsAreRejected() {
        Probe probe = new ScriptedProbe(ProbeOutcome.PASS);

        assertThatThrownBy(() -> scheduler(List.of(new HealthCheck("x", "a", CheckTier.SHALLOW, probe),
                new HealthCheck("x", "b", CheckTier.SHALLOW, probe))))
                .hasMessageContaining("health check id 'x' is used twice");
    }

    @Test
    void realHttpCheckAgainstALiveServerDrivesTheVerdict() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            for (int i = 0; i < 4; i++) {
                server.enqueue(new MockResponse().setResponseCode(500));
            }
            HealthCheckScheduler scheduler = scheduler(List.of(new HealthCheck("api/http", "api", CheckTier.SHALLOW,
                    Probes.httpStatus(server.url("/health").toString(), 200))));

            scheduler.start();
            tasks.advance(Duration.ZERO);

            assertThat(server.getRequestCount()).isEqualTo(4);
            assertThat(scheduler.verdict("api").orElseThrow().state()).isEqualTo(HealthState.DEGRADED);
            assertThat(scheduler.lastResult("api/http").orElseThrow().message()).contains("expected status 200, got 500");
        }
    }
}
