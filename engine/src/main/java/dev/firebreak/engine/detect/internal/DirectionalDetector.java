package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.SeriesDetector;
import java.util.Objects;

/**
 * A detector restricted to one side of its band: a sample on the other side still teaches the detector
 * (its state is the wrapped one's) but scores zero and does not fire, so a traffic burst does not page.
 */
public final class DirectionalDetector implements SeriesDetector {

    private final SeriesDetector inner;
    private final Direction direction;

    public DirectionalDetector(SeriesDetector inner, Direction direction) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    @Override
    public DetectorKind kind() {
        return inner.kind();
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        DetectorOutput output = inner.update(epochSecond, value);
        if (output.isLearning() || direction.admits(output)) {
            return output;
        }
        return new DetectorOutput(output.kind(), 0, false, output.observed(), output.expectedLow(),
                output.expectedHigh(), "other side of the band than this metric's anomalies ("
                        + direction.name().toLowerCase(java.util.Locale.ROOT) + " only)");
    }

    @Override
    public int stateBytes() {
        return inner.stateBytes() + 16;
    }
}
