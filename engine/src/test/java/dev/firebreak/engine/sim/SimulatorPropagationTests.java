package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How trouble travels: retries, timeouts, pools and queues. */
class SimulatorPropagationTests {

    private static final int WARM_UP = 120;

    private static void inject(SimulationHarness h, FaultType type, String target, double magnitude, Duration duration) {
        h.simulator.inject(new FaultSpec(type, target, Optional.empty(), magnitude, h.clock.instant(), duration));
    }

    @Test
    void retriesAmplifyLoadOnFailingCallee() {
        SimulationHarness h = SimulationHarness.quietAfternoon(3);
        h.run(WARM_UP);
        double ordersRate = h.mean("orders", MetricName.REQUEST_RATE, 30);
        double paymentsRate = h.mean("payments", MetricName.REQUEST_RATE, 30);

        inject(h, FaultType.BAD_DEPLOYMENT, "payments", 0.5, Duration.ofMinutes(5));
        h.run(60);

        // payments requests per orders request rise: the extra ones are retries
        assertThat(h.mean("payments", MetricName.REQUEST_RATE, 30) / h.mean("orders", MetricName.REQUEST_RATE, 30))
                .isGreaterThan(1.05 * paymentsRate / ordersRate);
    }

    @Test
    void slowCalleeBeyondTimeoutBecomesCallerErrors() {
        SimulationHarness h = SimulationHarness.quietAfternoon(3);
        h.run(WARM_UP);

        inject(h, FaultType.LATENCY, "payments", 4000, Duration.ofMinutes(5));
        h.run(60);

        assertThat(h.mean("payments", MetricName.ERROR_RATE, 30)).isLessThan(1);
        assertThat(h.mean("orders", MetricName.ERROR_RATE, 30)).isGreaterThan(50);
        assertThat(h.mean("orders", MetricName.LATENCY_P50, 30)).isGreaterThan(3000);
    }

    @Test
    void slowCalleeFillsCallersConnectionPool() {
        SimulationHarness h = SimulationHarness.quietAfternoon(3);
        h.run(WARM_UP);
        double pool = h.mean("web", MetricName.CONNECTIONS, 30);

        inject(h, FaultType.LATENCY, "catalog", 1500, Duration.ofMinutes(5));
        h.run(60);

        assertThat(h.mean("web", MetricName.CONNECTIONS, 30)).isGreaterThan(Math.min(95, 2 * pool));
    }

    @Test
    void queueBacksUpWhileConsumersAreDownAndDrainsAfterwards() {
        SimulationHarness h = SimulationHarness.quietAfternoon(3);
        h.run(WARM_UP);

        inject(h, FaultType.PROCESS_KILL, "notifications", 1, Duration.ofMinutes(1));
        h.run(15);
        double backlog = h.latest("kafka", MetricName.QUEUE_DEPTH);
        h.run(120);

        assertThat(backlog).isGreaterThan(500);
        assertThat(h.latest("kafka", MetricName.QUEUE_DEPTH)).isLessThan(backlog / 10);
        assertThat(h.mean("orders", MetricName.ERROR_RATE, 30)).isLessThan(1);
    }

    @Test
    void resettingPoolReleasesConnectionsLeftByTimeouts() {
        SimulationHarness h = SimulationHarness.quietAfternoon(3);
        h.run(WARM_UP);
        double normal = h.mean("orders", MetricName.CONNECTIONS, 30);
        h.simulator.inject(new FaultSpec(FaultType.NETWORK_PARTITION, "orders", Optional.of("payments"), 0.5,
                h.clock.instant(), Duration.ofMinutes(3)));
        h.run(240);
        double lingering = h.mean("orders", MetricName.CONNECTIONS, 10);

        h.simulator.execute(new RemediationAction.ResetConnectionPool("orders"));
        h.run(10);

        assertThat(lingering).isGreaterThan(normal + 5);
        assertThat(h.mean("orders", MetricName.CONNECTIONS, 5)).isLessThan(normal + 2);
    }

    @Test
    void runsAgainstTheRealInMemoryStore() {
        MetricStore store = MetricStores.inMemory();
        SimulationConfig config = SimulationConfig.defaults(9).withStart(SimulationHarness.AFTERNOON);
        Simulator simulator = new Simulator(ShopTopology.build(), config, store, new EventBus(),
                new SimulationClock(config.start()));

        SimulationRunner.runFor(simulator, Duration.ofMinutes(5));

        int handle = simulator.seriesHandle(simulator.topology().indexOf("gateway"), MetricName.REQUEST_RATE);
        double[] values = store.recent(handle, 300).values();
        assertThat(values).hasSize(300);
        assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isPositive();
        assertThat(store.latestEpochSecond(handle)).isEqualTo(config.start().getEpochSecond() + 300);
    }

    @Test
    void aFailingDependencyShowsInItsCallersCallsToItWhileTheCalleeAndItsOtherCallersStayWell() {
        SimulationHarness h = SimulationHarness.quietAfternoon(3);
        h.run(WARM_UP);

        h.simulator.inject(new FaultSpec(FaultType.DEPENDENCY_FAILURE, "orders", Optional.of("postgres"), 1,
                h.clock.instant(), Duration.ofMinutes(5)));
        h.run(60);

        long now = h.clock.instant().getEpochSecond();
        assertThat(meanOfCalls(h, "orders", "postgres", now - 30)).isGreaterThan(90);
        assertThat(meanOfCalls(h, "redis", "postgres", now - 30)).isLessThan(2);
        assertThat(h.mean("postgres", MetricName.ERROR_RATE, 30)).isLessThan(2);
        assertThat(h.mean("orders", MetricName.ERROR_RATE, 30)).isGreaterThan(50);
    }

    private static double meanOfCalls(SimulationHarness h, String caller, String callee, long from) {
        double[] seconds = new double[20];
        assertThat(h.simulator.calls().copyFailedPercent(caller, callee, from, seconds)).isTrue();
        return java.util.Arrays.stream(seconds).filter(v -> !Double.isNaN(v)).average().orElseThrow();
    }
}
