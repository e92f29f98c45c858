package dev.firebreak.views.healthmap;

import dev.firebreak.engine.assess.HealthSource;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.topology.Component;
import java.util.Locale;

/**
 * The key numbers of one component at one moment, as the health map's hover card shows them.
 * Numbers are NaN when the component does not report that metric.
 *
 * @param source which judgement set the state (detection, the health checks, or both; ADR 0025)
 * @param severity how urgent the state is: low when the health checks alone see it
 */
public record ComponentSummary(Component component, HealthState state, HealthSource source, Severity severity,
        double requestRate, double errorPercent, double p99Millis, double cpuPercent) {

    /** Multi-line text for the hover card. */
    public String describe() {
        return component.name() + " (" + component.id() + ")\n"
                + component.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · team " + component.team()
                + " · tier " + component.tier() + "\n"
                + "State: " + state.name() + basis() + "\n"
                + "Requests: " + format(requestRate, "%.1f req/s") + "\n"
                + "Errors: " + format(errorPercent, "%.2f %%") + "\n"
                + "p99: " + format(p99Millis, "%.0f ms") + "\n"
                + "CPU: " + format(cpuPercent, "%.0f %%");
    }

    /** Says when the state is not detection's alone: " (low: health checks only)". */
    private String basis() {
        if (state == HealthState.HEALTHY || source == HealthSource.DETECTION) {
            return "";
        }
        String from = source == HealthSource.CHECKS ? "health checks only" : "detection and health checks";
        return " (" + severity.name().toLowerCase(Locale.ROOT) + ": " + from + ")";
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, pattern, value);
    }
}
