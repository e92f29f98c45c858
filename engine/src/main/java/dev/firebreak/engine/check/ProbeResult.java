package dev.firebreak.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one probe attempt.
 *
 * @param outcome how it ended
 * @param message what was checked and, on failure, what was expected and what came back
 * @param elapsed how long the attempt took (by the probe's clock; for reports, never for assertions)
 */
public record ProbeResult(ProbeOutcome outcome, String message, Duration elapsed) {

    public ProbeResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public static ProbeResult pass(String message, Duration elapsed) {
        return new ProbeResult(ProbeOutcome.PASS, message, elapsed);
    }

    public static ProbeResult fail(String message, Duration elapsed) {
        return new ProbeResult(ProbeOutcome.FAIL, message, elapsed);
    }

    public static ProbeResult timeout(String message, Duration elapsed) {
        return new ProbeResult(ProbeOutcome.TIMEOUT, message, elapsed);
    }

    public boolean passed() {
        return outcome.passed();
    }
}
