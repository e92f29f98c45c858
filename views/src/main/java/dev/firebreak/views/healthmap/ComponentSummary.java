package dev.firebreak.views.healthmap;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.topology.Component;
import java.util.Locale;

/**
 * The key numbers of one component at one moment, as the health map's hover card shows them.
 * Numbers are NaN when the component does not report that metric.
 */
public record ComponentSummary(Component component, HealthState state, double requestRate, double errorPercent,
        double p99Millis, double cpuPercent) {

    /** Multi-line text for the hover card. */
    public String describe() {
        return component.name() + " (" + component.id() + ")\n"
                + component.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · team " + component.team()
                + " · tier " + component.tier() + "\n"
                + "State: " + state.name() + "\n"
                + "Requests: " + format(requestRate, "%.1f req/s") + "\n"
                + "Errors: " + format(errorPercent, "%.2f %%") + "\n"
                + "p99: " + format(p99Millis, "%.0f ms") + "\n"
                + "CPU: " + format(cpuPercent, "%.0f %%");
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, pattern, value);
    }
}
