package dev.firebreak.engine.detect.internal.ml;

/**
 * The most recent vectors admitted for training, in one flat ring buffer (no per-sample allocation).
 * Owned by the scoring thread; training gets an independent copy from {@link #snapshot()}.
 */
final class TrainingWindow {

    private final int capacity;
    private final int dimension;
    private final double[] values;
    private int next;
    private int count;

    TrainingWindow(int capacity, int dimension) {
        this.capacity = capacity;
        this.dimension = dimension;
        this.values = new double[capacity * dimension];
    }

    void add(double[] vector) {
        System.arraycopy(vector, 0, values, next * dimension, dimension);
        next = (next + 1) % capacity;
        if (count < capacity) {
            count++;
        }
    }

    int count() {
        return count;
    }

    /** A copy of the window's rows, oldest first. */
    double[][] snapshot() {
        double[][] rows = new double[count][dimension];
        int start = count < capacity ? 0 : next;
        for (int i = 0; i < count; i++) {
            System.arraycopy(values, ((start + i) % capacity) * dimension, rows[i], 0, dimension);
        }
        return rows;
    }
}
