package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.detect.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One detection as the accuracy harness sees it, whatever produced it.
 *
 * @param at          simulated time of the detection
 * @param componentId the component it is about
 * @param severity    how bad the detector said it was
 * @param source      what produced it (for reports), e.g. "health-rule: DEGRADED"
 */
public record DetectionRecord(Instant at, String componentId, Severity severity, String source) {

    public DetectionRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
    }
}
