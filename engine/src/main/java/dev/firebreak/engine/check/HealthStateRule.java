package dev.firebreak.engine.check;

import dev.firebreak.engine.health.HealthState;

/**
 * The seed's health-state rule for check results, as a pure function:
 * <ul>
 * <li>all shallow checks pass: {@link HealthState#HEALTHY};</li>
 * <li>1-2 shallow failures: {@link HealthState#DEGRADED}, and the deep checks are triggered;</li>
 * <li>3+ shallow failures or a deep failure: unhealthy, which is {@link HealthState#CRITICAL} here
 *     (the health model has no separate "unhealthy"), and remediation may act;</li>
 * <li>a comprehensive failure: {@link HealthState#FAILED}, escalated to people. The seed calls this
 *     "critical", but unhealthy already maps to CRITICAL and the seed ranks a failed end-to-end flow
 *     above it (humans instead of automation), so it takes the only worse state.</li>
 * </ul>
 * A shallow failure counts once per failed run (after its retries) of a shallow check since that
 * check last passed, summed over the component's shallow checks: one check failing three runs in a
 * row is unhealthy even if it is the component's only shallow check.
 */
public final class HealthStateRule {

    private static final int UNHEALTHY_SHALLOW_FAILURES = 3;

    private HealthStateRule() {
    }

    public static HealthVerdict evaluate(int shallowFailures, int deepFailures, int comprehensiveFailures) {
        if (shallowFailures < 0 || deepFailures < 0 || comprehensiveFailures < 0) {
            throw new IllegalArgumentException("failure counts must not be negative, were " + shallowFailures + ", "
                    + deepFailures + ", " + comprehensiveFailures);
        }
        if (comprehensiveFailures > 0) {
            return new HealthVerdict(HealthState.FAILED, shallowFailures > 0, true, true,
                    counted(comprehensiveFailures, "comprehensive failure") + ": failed, escalated to people");
        }
        if (shallowFailures >= UNHEALTHY_SHALLOW_FAILURES || deepFailures > 0) {
            String counts = shallowFailures > 0 && deepFailures > 0
                    ? shallowFailures + " shallow and " + counted(deepFailures, "deep failure")
                    : deepFailures > 0 ? counted(deepFailures, "deep failure") : counted(shallowFailures, "shallow failure");
            return new HealthVerdict(HealthState.CRITICAL, shallowFailures > 0, true, false,
                    counts + ": unhealthy (critical), remediation may act");
        }
        if (shallowFailures > 0) {
            return new HealthVerdict(HealthState.DEGRADED, true, false, false,
                    counted(shallowFailures, "shallow failure") + ": degraded, deep checks triggered");
        }
        return new HealthVerdict(HealthState.HEALTHY, false, false, false, "all checks pass");
    }

    /** "1 shallow failure", "2 shallow failures". */
    private static String counted(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
