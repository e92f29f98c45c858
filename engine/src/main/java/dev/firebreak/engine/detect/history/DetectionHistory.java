package dev.firebreak.engine.detect.history;

import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.telemetry.SeriesKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent past of detection, for views: per series and per second the expected band and the score,
 * and every verdict at or above a severity (the anomaly markers, each able to explain itself).
 *
 * <p>One thread records (detection's); any thread reads. Bands and scores cost 12 bytes per series
 * per second of the window, so on large topologies only the series of watched components (the ones a
 * person has open) keep them; markers are sparse and kept for every series.
 */
public final class DetectionHistory {

    /** Bands and scores of a series over a time range, one slot per second; NaN where nothing was recorded. */
    public record Trace(long startEpochSecond, double[] low, double[] high, double[] score, List<SeriesVerdict> marks) {
        public Trace {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(score, "score");
            marks = List.copyOf(marks);
        }

        public int size() {
            return score.length;
        }
    }

    private final int seconds;
    private final Severity markAtLeast;
    private final boolean everySeries;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Map<SeriesKey, Series> series = new ConcurrentHashMap<>();

    /**
     * @param seconds     how far back bands, scores and markers are kept, 60..86400
     * @param markAtLeast the lowest severity kept as a marker
     * @param everySeries keep bands and scores for every series, or only for watched components
     */
    public DetectionHistory(int seconds, Severity markAtLeast, boolean everySeries) {
        if (seconds < 60 || seconds > 86_400) {
            throw new IllegalArgumentException("history seconds must be between 60 and 86400, was " + seconds);
        }
        this.seconds = seconds;
        this.markAtLeast = Objects.requireNonNull(markAtLeast, "markAtLeast");
        if (markAtLeast == Severity.NONE) {
            throw new IllegalArgumentException("markAtLeast must be a real severity (info or worse), was none");
        }
        this.everySeries = everySeries;
    }

    public int seconds() {
        return seconds;
    }

    public Severity markAtLeast() {
        return markAtLeast;
    }

    /** Starts keeping bands and scores for a component's series (no effect when every series is kept). */
    public void watch(String componentId) {
        watched.add(componentId);
    }

    public void unwatch(String componentId) {
        watched.remove(componentId);
    }

    /** Records one verdict; called by detection, in time order per series. */
    public void record(SeriesVerdict verdict) {
        boolean keepBand = everySeries || watched.contains(verdict.key().componentId());
        boolean mark = verdict.severity().isAtLeast(markAtLeast);
        if (!keepBand && !mark) {
            return;
        }
        Series s = series.computeIfAbsent(verdict.key(), k -> new Series());
        synchronized (s) {
            if (keepBand) {
                s.band(seconds).put(verdict);
            }
            if (mark) {
                s.marks.addLast(verdict);
            }
            long oldest = verdict.epochSecond() - seconds;
            while (!s.marks.isEmpty() && s.marks.peekFirst().epochSecond() <= oldest) {
                s.marks.removeFirst();
            }
        }
    }

    /** Forgets a series' past (its detectors were replaced and will record afresh). */
    public void clear(SeriesKey key) {
        series.remove(key);
    }

    /** Bands, scores and markers of a series for {@code from..to} inclusive. */
    public Trace trace(SeriesKey key, long fromEpochSecond, long toEpochSecond) {
        if (toEpochSecond < fromEpochSecond) {
            throw new IllegalArgumentException("range ends before it starts: " + fromEpochSecond + ".." + toEpochSecond);
        }
        int n = (int) Math.min(seconds, toEpochSecond - fromEpochSecond + 1);
        long start = toEpochSecond - n + 1;
        double[] low = nans(n);
        double[] high = nans(n);
        double[] score = nans(n);
        List<SeriesVerdict> marks = new ArrayList<>();
        Series s = series.get(key);
        if (s != null) {
            synchronized (s) {
                if (s.band != null) {
                    s.band.copy(start, low, high, score);
                }
                for (SeriesVerdict v : s.marks) {
                    if (v.epochSecond() >= start && v.epochSecond() <= toEpochSecond) {
                        marks.add(v);
                    }
                }
            }
        }
        return new Trace(start, low, high, score, marks);
    }

    /** The marker of a series at exactly that second, if there is one. */
    public Optional<SeriesVerdict> markAt(SeriesKey key, long epochSecond) {
        Series s = series.get(key);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return s.marks.stream().filter(v -> v.epochSecond() == epochSecond).findFirst();
        }
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static final class Series {
        private Band band;
        private final ArrayDeque<SeriesVerdict> marks = new ArrayDeque<>();

        Band band(int seconds) {
            if (band == null) {
                band = new Band(seconds);
            }
            return band;
        }
    }

    /** A ring indexed by epoch second; a slot is valid only if its stamp matches the second asked for. */
    private static final class Band {
        private final long[] stamp;
        private final float[] low;
        private final float[] high;
        private final float[] score;

        Band(int seconds) {
            stamp = new long[seconds];
            Arrays.fill(stamp, Long.MIN_VALUE);
            low = new float[seconds];
            high = new float[seconds];
            score = new float[seconds];
        }

        void put(SeriesVerdict v) {
            int i = (int) Math.floorMod(v.epochSecond(), (long) stamp.length);
            stamp[i] = v.epochSecond();
            low[i] = (float) v.expectedLow();
            high[i] = (float) v.expectedHigh();
            score[i] = (float) v.score();
        }

        void copy(long start, double[] lowOut, double[] highOut, double[] scoreOut) {
            for (int k = 0; k < scoreOut.length; k++) {
                long second = start + k;
                int i = (int) Math.floorMod(second, (long) stamp.length);
                if (stamp[i] == second) {
                    lowOut[k] = low[i];
                    highOut[k] = high[i];
                    scoreOut[k] = score[i];
                }
            }
        }
    }
}
