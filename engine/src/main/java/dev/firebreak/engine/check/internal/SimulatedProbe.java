package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A probe of a simulated component: what a real probe would see, read from simulated state.
 * <ul>
 * <li>endpoint: fails if the component is down (FAILED) or its error rate is above a limit; times out
 * if its p99 latency exceeds the probe's timeout (a real request would not have returned in time);</li>
 * <li>resources: fails if a resource metric is above its limit.</li>
 * </ul>
 */
public final class SimulatedProbe implements Probe {

    private final ComponentSignals signals;
    private final String componentId;
    private final double maxErrorPercent;
    private final Map<MetricName, Double> limits;

    private SimulatedProbe(ComponentSignals signals, String componentId, double maxErrorPercent,
            Map<MetricName, Double> limits) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.componentId = Objects.requireNonNull(componentId, "componentId");
        this.maxErrorPercent = maxErrorPercent;
        this.limits = Map.copyOf(limits);
    }

    public static SimulatedProbe endpoint(ComponentSignals signals, String componentId, double maxErrorPercent) {
        if (!(maxErrorPercent >= 0 && maxErrorPercent <= 100)) {
            throw new IllegalArgumentException("maxErrorPercent must be in [0, 100], was " + maxErrorPercent);
        }
        return new SimulatedProbe(signals, componentId, maxErrorPercent, Map.of());
    }

    public static SimulatedProbe resources(ComponentSignals signals, String componentId, Map<MetricName, Double> limits) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a resource probe needs at least one limit");
        }
        return new SimulatedProbe(signals, componentId, Double.NaN, limits);
    }

    @Override
    public String description() {
        return limits.isEmpty() ? "simulated endpoint of " + componentId + " (errors <= " + maxErrorPercent + " %)"
                : "simulated resources of " + componentId + " within " + limits;
    }

    @Override
    public ProbeResult run(Duration timeout) {
        HealthState health = signals.health(componentId).orElse(null);
        if (health == null) {
            return ProbeResult.fail("no simulated component '" + componentId + "'", Duration.ZERO);
        }
        return limits.isEmpty() ? endpoint(health, timeout) : resources();
    }

    private ProbeResult endpoint(HealthState health, Duration timeout) {
        if (health == HealthState.FAILED) {
            return ProbeResult.fail(componentId + ": expected an answer, the component is down", Duration.ZERO);
        }
        OptionalDouble latency = signals.latest(componentId, MetricName.LATENCY_P99);
        if (latency.isPresent() && latency.getAsDouble() > timeout.toMillis()) {
            return ProbeResult.timeout(String.format(Locale.ROOT, "%s: p99 latency %.0f ms exceeds the %d ms timeout",
                    componentId, latency.getAsDouble(), timeout.toMillis()), timeout);
        }
        OptionalDouble errors = signals.latest(componentId, MetricName.ERROR_RATE);
        if (errors.isPresent() && errors.getAsDouble() > maxErrorPercent) {
            return ProbeResult.fail(String.format(Locale.ROOT, "%s: expected error rate <= %.1f %%, got %.1f %%",
                    componentId, maxErrorPercent, errors.getAsDouble()), Duration.ZERO);
        }
        Duration elapsed = Duration.ofMillis(Math.round(latency.orElse(0)));
        return ProbeResult.pass(componentId + ": answering", elapsed);
    }

    private ProbeResult resources() {
        List<String> over = new ArrayList<>();
        for (Map.Entry<MetricName, Double> limit : limits.entrySet()) {
            OptionalDouble value = signals.latest(componentId, limit.getKey());
            if (value.isPresent() && value.getAsDouble() > limit.getValue()) {
                over.add(String.format(Locale.ROOT, "%s %.1f %s > %.1f", limit.getKey().label(), value.getAsDouble(),
                        limit.getKey().unit(), limit.getValue()));
            }
        }
        return over.isEmpty() ? ProbeResult.pass(componentId + ": resources within limits", Duration.ZERO)
                : ProbeResult.fail(componentId + ": expected resources within limits, got " + String.join(", ", over),
                        Duration.ZERO);
    }
}
