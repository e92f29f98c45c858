package dev.firebreak.views.component;

import dev.firebreak.engine.check.CheckStatus;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.ProbeOutcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One health check as the component detail lists it: its last result, when, how long it took and what it said.
 *
 * @param checkId     the check's id
 * @param tier        its tier
 * @param name        the id without the component's prefix ("instances" for "cart/instances")
 * @param outcome     how its last run ended; empty before the first run
 * @param when        when that run ended (simulated time, HH:mm:ss UTC), or "not run yet"
 * @param latency     how long its last attempt took, e.g. "38 ms"; empty before the first run
 * @param attempts    attempts its last run made (retries included), 0 before the first run
 * @param failedRuns  failed runs in a row since it last passed
 * @param message     what the last attempt checked and, on failure, what it expected and got
 * @param description what the check probes
 */
public record CheckRow(String checkId, CheckTier tier, String name, Optional<ProbeOutcome> outcome, String when,
        String latency, int attempts, int failedRuns, String message, String description) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    static CheckRow of(String componentId, CheckStatus status) {
        String name = status.checkId().startsWith(componentId + "/")
                ? status.checkId().substring(componentId.length() + 1) : status.checkId();
        return status.lastRun().map(run -> new CheckRow(status.checkId(), status.tier(), name,
                Optional.of(run.result().outcome()), TIME.format(run.at()), run.result().elapsed().toMillis() + " ms",
                run.attempts(), status.failedRuns(), run.result().message(), status.description()))
                .orElseGet(() -> new CheckRow(status.checkId(), status.tier(), name, Optional.empty(), "not run yet", "",
                        0, 0, "", status.description()));
    }

    /** Whether its last run failed or timed out. */
    public boolean failing() {
        return outcome.map(o -> !o.passed()).orElse(false);
    }

    /** "14:02:31 · 38 ms · 4 attempts" (attempts only when retried). */
    public String timing() {
        if (outcome.isEmpty()) {
            return when;
        }
        return when + " · " + latency + (attempts > 1 ? " · " + attempts + " attempts" : "")
                + (failedRuns > 1 ? " · failed " + failedRuns + " runs in a row" : "");
    }
}
