package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.Instances;
import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A probe of a simulated component: what a real probe would see, read from simulated state.
 * <ul>
 * <li>liveness: a health endpoint the component answers itself, without calling its dependencies: fails if the
 * component is down or its error rate is above a limit; its answer does not wait for the calls below, so the
 * component's request latency (which does) is not its own;</li>
 * <li>endpoint: fails if the component is down (FAILED) or its error rate is above a limit; times out
 * if its p99 latency exceeds the probe's timeout (a real request would not have returned in time);</li>
 * <li>resources: fails if a resource metric is above its limit, or if memory or disk use is rising steadily
 * toward its limit ({@link ResourceTrend});</li>
 * <li>instances: fails if fewer instances serve than the component should have, as a per-instance probe
 * behind the load balancer would see, even while the others carry the load.</li>
 * </ul>
 */
public final class SimulatedProbe implements Probe {

    /** Resources that fill up over time, so a steady rise toward the limit is worth saying before it is crossed. */
    private static final Set<MetricName> FILLING = Set.of(MetricName.MEMORY, MetricName.DISK_USED);

    private enum Kind { LIVENESS, ENDPOINT, RESOURCES, INSTANCES }

    private final Kind kind;
    private final ComponentSignals signals;
    private final String componentId;
    private final double maxErrorPercent;
    private final Map<MetricName, Double> limits;
    /** Made once: the scheduler asks for it with every status, thousands of times a second on a large topology. */
    private final String description;

    private SimulatedProbe(Kind kind, ComponentSignals signals, String componentId, double maxErrorPercent,
            Map<MetricName, Double> limits) {
        this.kind = kind;
        this.signals = Objects.requireNonNull(signals, "signals");
        this.componentId = Objects.requireNonNull(componentId, "componentId");
        this.maxErrorPercent = maxErrorPercent;
        // catalogue order, so messages list resources the same way every run
        this.limits = new EnumMap<>(MetricName.class);
        this.limits.putAll(limits);
        this.description = describe();
    }

    public static SimulatedProbe endpoint(ComponentSignals signals, String componentId, double maxErrorPercent) {
        if (!(maxErrorPercent >= 0 && maxErrorPercent <= 100)) {
            throw new IllegalArgumentException("maxErrorPercent must be in [0, 100], was " + maxErrorPercent);
        }
        return new SimulatedProbe(Kind.ENDPOINT, signals, componentId, maxErrorPercent, Map.of());
    }

    public static SimulatedProbe liveness(ComponentSignals signals, String componentId, double maxErrorPercent) {
        if (!(maxErrorPercent >= 0 && maxErrorPercent <= 100)) {
            throw new IllegalArgumentException("maxErrorPercent must be in [0, 100], was " + maxErrorPercent);
        }
        return new SimulatedProbe(Kind.LIVENESS, signals, componentId, maxErrorPercent, Map.of());
    }

    public static SimulatedProbe resources(ComponentSignals signals, String componentId, Map<MetricName, Double> limits) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a resource probe needs at least one limit");
        }
        return new SimulatedProbe(Kind.RESOURCES, signals, componentId, Double.NaN, limits);
    }

    public static SimulatedProbe instances(ComponentSignals signals, String componentId) {
        return new SimulatedProbe(Kind.INSTANCES, signals, componentId, Double.NaN, Map.of());
    }

    @Override
    public String description() {
        return description;
    }

    private String describe() {
        return switch (kind) {
            case LIVENESS -> "simulated health endpoint of " + componentId + " (answers, errors <= " + maxErrorPercent
                    + " %)";
            case ENDPOINT -> "simulated endpoint of " + componentId + " (errors <= " + maxErrorPercent + " %)";
            case RESOURCES -> "simulated resources of " + componentId + " within " + limits
                    + ", memory and disk not rising toward them";
            case INSTANCES -> "every simulated instance of " + componentId + " serving";
        };
    }

    @Override
    public ProbeResult run(Duration timeout) {
        HealthState health = signals.health(componentId).orElse(null);
        if (health == null) {
            return ProbeResult.fail("no simulated component '" + componentId + "'", Duration.ZERO);
        }
        return switch (kind) {
            case LIVENESS -> endpoint(health, null);
            case ENDPOINT -> endpoint(health, timeout);
            case RESOURCES -> resources();
            case INSTANCES -> instances();
        };
    }

    private ProbeResult endpoint(HealthState health, Duration timeout) {
        if (health == HealthState.FAILED) {
            return ProbeResult.fail(componentId + ": expected an answer, the component is down", Duration.ZERO);
        }
        OptionalDouble latency = signals.latest(componentId, MetricName.LATENCY_P99);
        if (timeout != null && latency.isPresent() && latency.getAsDouble() > timeout.toMillis()) {
            return ProbeResult.timeout(String.format(Locale.ROOT, "%s: p99 latency %.0f ms exceeds the %d ms timeout",
                    componentId, latency.getAsDouble(), timeout.toMillis()), timeout);
        }
        OptionalDouble errors = signals.latest(componentId, MetricName.ERROR_RATE);
        if (errors.isPresent() && errors.getAsDouble() > maxErrorPercent) {
            return ProbeResult.fail(String.format(Locale.ROOT, "%s: expected error rate <= %.1f %%, got %.1f %%",
                    componentId, maxErrorPercent, errors.getAsDouble()), Duration.ZERO);
        }
        // a health endpoint answers without waiting for the calls below: its time is not the requests'
        Duration elapsed = timeout == null ? Duration.ZERO : Duration.ofMillis(Math.round(latency.orElse(0)));
        return ProbeResult.pass(componentId + ": answering", elapsed);
    }

    private ProbeResult resources() {
        List<String> over = new ArrayList<>();
        List<String> rising = new ArrayList<>();
        for (Map.Entry<MetricName, Double> limit : limits.entrySet()) {
            MetricName metric = limit.getKey();
            OptionalDouble value = signals.latest(componentId, metric);
            if (value.isPresent() && value.getAsDouble() > limit.getValue()) {
                over.add(String.format(Locale.ROOT, "%s %.1f %s > %.1f", metric.label(), value.getAsDouble(),
                        metric.unit(), limit.getValue()));
            } else if (FILLING.contains(metric)) {
                Optional<String> trend = ResourceTrend.risingToward(metric,
                        signals.recent(componentId, metric, ResourceTrend.WINDOW_SECONDS), limit.getValue());
                trend.ifPresent(rising::add);
            }
        }
        if (!over.isEmpty()) {
            return ProbeResult.fail(componentId + ": expected resources within limits, got " + String.join(", ", over)
                    + (rising.isEmpty() ? "" : "; " + String.join("; ", rising)), Duration.ZERO);
        }
        if (!rising.isEmpty()) {
            return ProbeResult.fail(componentId + ": " + String.join("; ", rising), Duration.ZERO);
        }
        return ProbeResult.pass(componentId + ": resources within limits", Duration.ZERO);
    }

    private ProbeResult instances() {
        Optional<Instances> instances = signals.instances(componentId);
        if (instances.isEmpty()) {
            return ProbeResult.fail(componentId + ": instance count unknown", Duration.ZERO);
        }
        Instances now = instances.get();
        return now.anyDown() ? ProbeResult.fail(componentId + ": " + now.describe(), Duration.ZERO)
                : ProbeResult.pass(componentId + ": " + now.describe(), Duration.ZERO);
    }
}
