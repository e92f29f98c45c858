package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import java.util.Arrays;

/**
 * When a component's severity is reported: once it has lasted {@link CompositeConfig#confirmTicks()} (one
 * noisy sample should not page anyone), on entering an episode at {@link CompositeConfig#reportAtLeast()} or
 * worse and on each escalation, not on every tick. Detection thread only.
 */
public final class ReportConfirmation {

    private final Severity[] pending;
    private final int[] pendingTicks;
    private final Severity[] reported;

    public ReportConfirmation(int components) {
        this.pending = new Severity[components];
        this.pendingTicks = new int[components];
        this.reported = new Severity[components];
        Arrays.fill(pending, Severity.NONE);
        Arrays.fill(reported, Severity.NONE);
    }

    /** Feeds component {@code c}'s severity at this tick; returns whether to report it now. */
    public boolean confirm(int c, Severity severity, CompositeConfig composite) {
        if (severity == pending[c]) {
            pendingTicks[c]++;
        } else {
            pending[c] = severity;
            pendingTicks[c] = 1;
        }
        if (pendingTicks[c] < composite.confirmTicks()) {
            return false;
        }
        if (!severity.isAtLeast(composite.reportAtLeast())) {
            reported[c] = Severity.NONE;
            return false;
        }
        if (severity.ordinal() > reported[c].ordinal()) {
            reported[c] = severity;
            return true;
        }
        return false;
    }
}
