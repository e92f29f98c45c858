package dev.firebreak.app.cli;

import dev.firebreak.engine.runbook.ExecutionMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A runbook a headless run starts: {@code runbook} is an id, or {@link #SUGGESTED} for the best runbook the first
 * diagnosed incident's cause suggests (its component parameters filled with the diagnosed component).
 *
 * @param at when to start, from the run's start (a suggested runbook starts at the first diagnosis after that)
 */
public record RunbookLaunch(String runbook, Map<String, String> parameters, ExecutionMode mode, String environment,
        Duration at) {

    public static final String SUGGESTED = "suggested";

    public RunbookLaunch {
        Objects.requireNonNull(runbook, "runbook");
        parameters = Map.copyOf(new TreeMap<>(parameters));
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(at, "at");
        if (at.isNegative()) {
            throw new IllegalArgumentException("--runbook-at must not be negative");
        }
    }

    public boolean suggested() {
        return runbook.equals(SUGGESTED);
    }

    /** "name=value" into {@code into}; the value may hold '=' and anything else, it is never parsed further. */
    static void addParameter(String text, Map<String, String> into) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--runbook-param needs name=value, was '" + text + "'");
        }
        into.put(text.substring(0, equals), text.substring(equals + 1));
    }

    static ExecutionMode mode(String text) {
        try {
            return ExecutionMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--runbook-mode must be automatic, step-by-step, approval-only or dry-run, was '"
                    + text + "'", e);
        }
    }
}
