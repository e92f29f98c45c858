package dev.firebreak.engine.detect.series.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.util.Objects;

/**
 * A detector restricted to one side of its band: a sample on the other side still teaches the detector
 * (its state is the wrapped one's) but scores zero and does not fire, so a traffic burst does not page.
 * Create it with {@link #restrict}, which keeps an {@link AdaptiveBaseline} adaptive.
 */
public class DirectionalDetector implements SeriesDetector {

    private final SeriesDetector inner;
    private final Direction direction;
    /** Shared: about half of all samples lie on the other side, and a text per sample was most of the garbage. */
    private final String otherSide;

    public DirectionalDetector(SeriesDetector inner, Direction direction) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.otherSide = Outputs.otherSide(direction);
    }

    /** The detector restricted to the direction; adaptive if the detector is. */
    public static SeriesDetector restrict(SeriesDetector inner, Direction direction) {
        return inner instanceof AdaptiveBaseline adaptive ? new Adaptive(adaptive, direction)
                : new DirectionalDetector(inner, direction);
    }

    @Override
    public DetectorKind kind() {
        return inner.kind();
    }

    @Override
    public DetectorOutput update(long epochSecond, double value) {
        return restricted(inner.update(epochSecond, value));
    }

    DetectorOutput restricted(DetectorOutput output) {
        if (output.isLearning() || direction.admits(output)) {
            return output;
        }
        return new DetectorOutput(output.kind(), 0, false, output.observed(), output.expectedLow(),
                output.expectedHigh(), otherSide);
    }

    @Override
    public int stateBytes() {
        return inner.stateBytes() + 16;
    }

    /** The restriction of an adaptive detector: scoring is restricted, learning and restarting pass through. */
    private static final class Adaptive extends DirectionalDetector implements AdaptiveBaseline {

        private final AdaptiveBaseline adaptive;

        Adaptive(AdaptiveBaseline inner, Direction direction) {
            super(inner, direction);
            this.adaptive = inner;
        }

        @Override
        public DetectorOutput score(long epochSecond, double value) {
            return restricted(adaptive.score(epochSecond, value));
        }

        @Override
        public void learn(long epochSecond, double value) {
            adaptive.learn(epochSecond, value);
        }

        @Override
        public void restart() {
            adaptive.restart();
        }

        @Override
        public DetectorOutput update(long epochSecond, double value) {
            DetectorOutput output = score(epochSecond, value);
            learn(epochSecond, value);
            return output;
        }
    }
}
