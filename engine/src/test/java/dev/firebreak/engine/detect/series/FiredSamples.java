package dev.firebreak.engine.detect.series;

import java.util.ArrayList;
import java.util.List;

/** Runs a detector over a constructed series of 15-minute samples (NAB's usual step) and lists what fired. */
final class FiredSamples {

    static final long START = 1_400_000_000L;
    static final long STEP_SECONDS = 900;

    private FiredSamples() {
    }

    /** Indices of the samples the detector fired on, the series starting at {@link #START}. */
    static List<Integer> of(SeriesDetector detector, double[] values) {
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (detector.update(START + STEP_SECONDS * i, values[i]).fired()) {
                fired.add(i);
            }
        }
        return fired;
    }
}
