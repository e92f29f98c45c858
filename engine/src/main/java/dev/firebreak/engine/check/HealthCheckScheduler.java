package dev.firebreak.engine.check;

import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.event.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs health checks at their tier's interval and turns the results into a verdict per component
 * with {@link HealthStateRule}.
 *
 * <p>Every check runs once at {@link #start()} and then every interval after the previous run ended.
 * A failed attempt is retried at once up to the tier's retries (no pause between attempts: a pause
 * would block the scheduler's thread, and the next run comes soon anyway). When a component's verdict
 * asks for deep checks, its deep checks run at once, besides their own schedule. Publishes a
 * {@link HealthCheckCompleted} per run and a {@link CheckedHealthChanged} when a component's state
 * changes. Time comes from the injected clock; tasks from the injected {@link TaskScheduler}: a
 * {@link TickTaskScheduler} runs them on simulated time (the simulated checks), an executor on wall time (real
 * endpoints, which live in real time).
 */
@EngineService
public final class HealthCheckScheduler implements AutoCloseable {

    private final List<HealthCheck> checks;
    private final Map<String, List<HealthCheck>> byComponent = new LinkedHashMap<>();
    private final CheckPolicies policies;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final EventBus bus;
    private final Map<String, Integer> streaks = new HashMap<>();
    private final Map<String, CheckRun> lastRuns = new HashMap<>();
    private final Map<String, HealthVerdict> verdicts = new LinkedHashMap<>();
    private final Set<TaskScheduler.Scheduled> pending = new HashSet<>();
    private boolean closed;

    public HealthCheckScheduler(List<HealthCheck> checks, CheckPolicies policies, TaskScheduler scheduler, Clock clock,
            EventBus bus) {
        this.checks = List.copyOf(checks);
        this.policies = Objects.requireNonNull(policies, "policies");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        Set<String> ids = new HashSet<>();
        for (HealthCheck check : this.checks) {
            if (!ids.add(check.id())) {
                throw new IllegalArgumentException("health check id '" + check.id() + "' is used twice");
            }
            verdicts.putIfAbsent(check.componentId(), HealthStateRule.evaluate(0, 0, 0));
            byComponent.computeIfAbsent(check.componentId(), id -> new ArrayList<>()).add(check);
        }
    }

    public synchronized void start() {
        for (HealthCheck check : checks) {
            schedule(check, Duration.ZERO, true);
        }
    }

    /** The current verdict of a component, or empty if no check speaks for it. */
    public synchronized Optional<HealthVerdict> verdict(String componentId) {
        return Optional.ofNullable(verdicts.get(componentId));
    }

    /** The result of a check's last run, empty before it ran. */
    public synchronized Optional<ProbeResult> lastResult(String checkId) {
        return Optional.ofNullable(lastRuns.get(checkId)).map(CheckRun::result);
    }

    /** The components some check speaks for, in the order their first check was given. */
    public List<String> componentIds() {
        return List.copyOf(byComponent.keySet());
    }

    /** A component's checks with their last runs and its verdict, or empty if no check speaks for it. */
    public synchronized Optional<ComponentChecks> checks(String componentId) {
        List<HealthCheck> own = byComponent.get(componentId);
        if (own == null) {
            return Optional.empty();
        }
        List<CheckStatus> statuses = new ArrayList<>(own.size());
        for (HealthCheck check : own) {
            statuses.add(new CheckStatus(check.id(), check.tier(), check.probe().description(),
                    Optional.ofNullable(lastRuns.get(check.id())), streaks.getOrDefault(check.id(), 0)));
        }
        return Optional.of(new ComponentChecks(componentId, verdicts.get(componentId), statuses));
    }

    /**
     * Runs a component's shallow and deep checks once now, besides their schedule: after a change made to mend it, the
     * next deep run could be a minute away (self-healing-system.md 8.2 checks at once). Comprehensive flows keep their
     * schedule: they are long and exercise more than the component. False if no check speaks for it.
     */
    public synchronized boolean recheck(String componentId) {
        List<HealthCheck> own = byComponent.get(componentId);
        if (own == null) {
            return false;
        }
        for (HealthCheck check : own) {
            if (check.tier() != CheckTier.COMPREHENSIVE) {
                schedule(check, Duration.ZERO, false);
            }
        }
        return true;
    }

    private synchronized void schedule(HealthCheck check, Duration delay, boolean periodic) {
        if (closed) {
            return;
        }
        TaskScheduler.Scheduled[] self = new TaskScheduler.Scheduled[1];
        self[0] = scheduler.schedule(() -> {
            forget(self[0]);
            runCheck(check, periodic);
        }, delay);
        pending.add(self[0]);
    }

    private synchronized void forget(TaskScheduler.Scheduled task) {
        pending.remove(task);
    }

    private void runCheck(HealthCheck check, boolean periodic) {
        TierPolicy policy = policies.of(check.tier());
        ProbeResult result = null;
        int attempts = 0;
        while (attempts <= policy.retries()) {
            attempts++;
            result = check.probe().run(policy.timeout());
            if (result.passed()) {
                break;
            }
        }
        record(check, result, attempts);
        if (periodic) {
            schedule(check, policy.interval(), true);
        }
    }

    private void record(HealthCheck check, ProbeResult result, int attempts) {
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant at = clock.instant();
            lastRuns.put(check.id(), new CheckRun(at, result, attempts));
            streaks.put(check.id(), result.passed() ? 0 : streaks.getOrDefault(check.id(), 0) + 1);
            HealthVerdict before = verdicts.get(check.componentId());
            HealthVerdict now = evaluate(check.componentId());
            verdicts.put(check.componentId(), now);
            after.add(() -> bus.publish(new HealthCheckCompleted(at, check.componentId(), check.id(),
                    check.tier(), result, attempts)));
            if (now.state() != before.state()) {
                after.add(() -> bus.publish(new CheckedHealthChanged(at, check.componentId(), before.state(), now)));
            }
            if (now.triggerDeep() && !before.triggerDeep()) {
                for (HealthCheck deep : byComponent.get(check.componentId())) {
                    if (deep.tier() == CheckTier.DEEP) {
                        schedule(deep, Duration.ZERO, false);
                    }
                }
            }
        }
        // publish outside the lock: subscribers may call back into verdict()
        after.forEach(Runnable::run);
    }

    private HealthVerdict evaluate(String componentId) {
        int shallow = 0;
        int deep = 0;
        int comprehensive = 0;
        List<String> failing = new ArrayList<>();
        for (HealthCheck check : byComponent.get(componentId)) {
            int streak = streaks.getOrDefault(check.id(), 0);
            if (streak > 0) {
                failing.add(lastRuns.get(check.id()).result().message());
            }
            switch (check.tier()) {
                case SHALLOW -> shallow += streak;
                case DEEP -> deep += streak > 0 ? 1 : 0;
                case COMPREHENSIVE -> comprehensive += streak > 0 ? 1 : 0;
            }
        }
        HealthVerdict verdict = HealthStateRule.evaluate(shallow, deep, comprehensive);
        return failing.isEmpty() ? verdict : new HealthVerdict(verdict.state(), verdict.triggerDeep(),
                verdict.remediate(), verdict.escalate(), verdict.reason() + " (failing: " + String.join("; ", failing) + ")");
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.forEach(TaskScheduler.Scheduled::cancel);
        pending.clear();
    }
}
