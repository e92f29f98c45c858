package dev.firebreak.engine.check;

import java.time.Duration;

/**
 * One way of asking whether something works. A probe blocks the calling thread for at most about its
 * timeout and never throws for a failure of the target: failures are results.
 */
public interface Probe {

    /** Runs one attempt, abandoning it after {@code timeout}. */
    ProbeResult run(Duration timeout);

    /** What the probe checks, for people: "HTTP GET http://.../health expecting 200". */
    String description();
}
