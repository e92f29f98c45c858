package dev.firebreak.engine.sim;

import dev.firebreak.engine.telemetry.DownsampledSnapshot;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.telemetry.StoreRetention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A simple unbounded, single-threaded in-memory store for simulator tests: keeps every sample. */
final class ArrayMetricStore implements MetricStore {

    private final List<SeriesKey> keys = new ArrayList<>();
    private final Map<SeriesKey, Integer> handles = new HashMap<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<long[]> firstSecond = new ArrayList<>();
    private final List<int[]> sizes = new ArrayList<>();

    @Override
    public int register(SeriesKey key) {
        return handles.computeIfAbsent(key, k -> {
            keys.add(k);
            values.add(new double[64]);
            firstSecond.add(new long[] {Long.MIN_VALUE});
            sizes.add(new int[1]);
            return keys.size() - 1;
        });
    }

    @Override
    public Optional<Integer> handle(SeriesKey key) {
        return Optional.ofNullable(handles.get(key));
    }

    @Override
    public SeriesKey key(int handle) {
        return keys.get(handle);
    }

    @Override
    public int seriesCount() {
        return keys.size();
    }

    @Override
    public void append(int handle, long epochSecond, double value) {
        long[] first = firstSecond.get(handle);
        if (first[0] == Long.MIN_VALUE) {
            first[0] = epochSecond;
        }
        int index = (int) (epochSecond - first[0]);
        double[] array = values.get(handle);
        int[] size = sizes.get(handle);
        if (index < size[0] - 1) {
            throw new IllegalStateException("samples out of order for " + keys.get(handle));
        }
        if (index >= array.length) {
            int oldLength = array.length;
            array = Arrays.copyOf(array, Math.max(index + 1, oldLength * 2));
            Arrays.fill(array, oldLength, array.length, Double.NaN);
            values.set(handle, array);
        }
        for (int i = size[0]; i < index; i++) {
            array[i] = Double.NaN;
        }
        array[index] = Double.isFinite(value) ? value : Double.NaN;
        size[0] = index + 1;
    }

    @Override
    public double latest(int handle) {
        int size = sizes.get(handle)[0];
        return size == 0 ? Double.NaN : values.get(handle)[size - 1];
    }

    @Override
    public long latestEpochSecond(int handle) {
        int size = sizes.get(handle)[0];
        return size == 0 ? Long.MIN_VALUE : firstSecond.get(handle)[0] + size - 1;
    }

    @Override
    public SeriesSnapshot range(int handle, long fromEpochSecond, long toEpochSecond) {
        int size = sizes.get(handle)[0];
        long first = firstSecond.get(handle)[0];
        if (size == 0) {
            return new SeriesSnapshot(keys.get(handle), fromEpochSecond, 1, new double[0]);
        }
        long from = Math.max(fromEpochSecond, first);
        long to = Math.min(toEpochSecond, first + size - 1);
        if (to < from) {
            return new SeriesSnapshot(keys.get(handle), from, 1, new double[0]);
        }
        return new SeriesSnapshot(keys.get(handle), from, 1,
                Arrays.copyOfRange(values.get(handle), (int) (from - first), (int) (to - first) + 1));
    }

    @Override
    public SeriesSnapshot recent(int handle, int seconds) {
        long latest = latestEpochSecond(handle);
        return range(handle, latest - seconds + 1, latest);
    }

    @Override
    public DownsampledSnapshot downsampled(int handle, long fromEpochSecond, long toEpochSecond) {
        throw new UnsupportedOperationException("the simulator never reads the downsampled tier");
    }

    @Override
    public StoreRetention retention() {
        return StoreRetention.DEFAULT;
    }

    /** Every sample of a series, oldest first. */
    double[] all(int handle) {
        return Arrays.copyOf(values.get(handle), sizes.get(handle)[0]);
    }
}
