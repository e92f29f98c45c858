package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.DetectorOutput;
import java.util.Objects;

/** One detector's output on one series (or, for vector detectors, on the component's whole vector). */
public record Finding(String series, DetectorOutput output) {
    public Finding {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(output, "output");
    }
}
