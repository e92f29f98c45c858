package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.time.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickTaskSchedulerTests {

    private final SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final EventBus bus = new EventBus();
    private final TickTaskScheduler scheduler = TickTaskScheduler.attach(bus, clock);
    private final List<String> ran = new ArrayList<>();

    private void tick(int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
        }
    }

    @Test
    void taskRunsAtTheFirstTickAtOrAfterItsDueTimeAndNotBefore() {
        scheduler.schedule(() -> ran.add("at " + clock.instant()), Duration.ofSeconds(10));

        tick(9);
        List<String> beforeDue = List.copyOf(ran);
        tick(1);

        assertThat(beforeDue).isEmpty();
        assertThat(ran).containsExactly("at 2026-11-02T10:00:10Z");
    }

    @Test
    void nothingRunsWhileTheSimulatedClockStandsStillHoweverLongWeWait() {
        scheduler.schedule(() -> ran.add("due now"), Duration.ZERO);

        clock.advance(Duration.ofMinutes(5));

        assertThat(ran).as("no tick, no run").isEmpty();
        tick(1);
        assertThat(ran).containsExactly("due now");
    }

    @Test
    void tasksDueTogetherRunInTheOrderTheyWereScheduled() {
        scheduler.schedule(() -> ran.add("later"), Duration.ofSeconds(2));
        scheduler.schedule(() -> ran.add("first"), Duration.ofSeconds(1));
        scheduler.schedule(() -> ran.add("second"), Duration.ofSeconds(1));

        tick(2);

        assertThat(ran).containsExactly("first", "second", "later");
    }

    @Test
    void taskScheduledWithoutDelayByARunningTaskRunsInTheSameTick() {
        scheduler.schedule(() -> {
            ran.add("shallow");
            scheduler.schedule(() -> ran.add("triggered deep"), Duration.ZERO);
        }, Duration.ofSeconds(1));

        tick(1);

        assertThat(ran).containsExactly("shallow", "triggered deep");
    }

    @Test
    void cancelledTaskNeverRuns() {
        TaskScheduler.Scheduled task = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofSeconds(1));

        task.cancel();
        tick(3);

        assertThat(ran).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void closeDropsWaitingTasksAndStopsListeningToTicks() {
        scheduler.schedule(() -> ran.add("dropped"), Duration.ofSeconds(1));

        scheduler.close();
        scheduler.schedule(() -> ran.add("after close"), Duration.ZERO);
        tick(5);

        assertThat(ran).isEmpty();
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void healthChecksOnTicksRunEveryTenSimulatedSeconds() {
        int[] runs = {0};
        Probe counting = new Probe() {
            @Override
            public ProbeResult run(Duration timeout) {
                runs[0]++;
                return ProbeResult.pass("ok", Duration.ZERO);
            }

            @Override
            public String description() {
                return "counting";
            }
        };
        HealthCheckScheduler checks = new HealthCheckScheduler(
                List.of(new HealthCheck("a/http", "a", CheckTier.SHALLOW, counting)), CheckPolicies.defaults(), scheduler,
                clock, bus);

        checks.start();
        tick(60);

        assertThat(runs[0]).as("at 1 s, then every 10 s up to 60 s").isEqualTo(6);
        assertThat(checks.checks("a").orElseThrow().checks().getFirst().lastRun().orElseThrow().at())
                .isEqualTo(Instant.parse("2026-11-02T10:00:51Z"));
    }
}
