package dev.firebreak.engine.detect.ml.internal;

import java.util.Arrays;

/**
 * The most recent vectors admitted for training, in a ring of fixed-size chunks of rows (no per-sample
 * allocation). Owned by the scoring thread.
 *
 * <p>{@link #snapshot()} copies nothing: it hands out the chunks themselves, and the fit copies the rows
 * out on its own thread. So that those rows stay as they were, a chunk handed out is never written again:
 * the ring replaces it with a new one when it next comes round. Rows written after a snapshot only go to
 * elements the snapshot does not read, and the executor that takes the snapshot to the fit orders the
 * writes before it with the fit's reads.
 */
final class TrainingWindow {

    /** Rows per chunk: small enough that the half-written chunk is never much of the window. */
    static final int CHUNK_ROWS = 64;

    private final int capacity;
    private final int dimension;
    private final int chunkRows;
    private final double[][] chunks;
    /** Whether a snapshot may still read the chunk in this slot, so it must not be overwritten. */
    private final boolean[] shared;
    /** Rows ever added; row {@code i} lives in chunk {@code (i / chunkRows) % chunks.length}. */
    private long added;
    private int count;

    TrainingWindow(int capacity, int dimension) {
        this.capacity = capacity;
        this.dimension = dimension;
        this.chunkRows = Math.min(CHUNK_ROWS, capacity);
        // One chunk more than the window needs: the one being written while the oldest is still in it.
        int slots = (capacity + chunkRows - 1) / chunkRows + 1;
        this.chunks = new double[slots][chunkRows * dimension];
        this.shared = new boolean[slots];
    }

    void add(double[] vector) {
        int slot = (int) ((added / chunkRows) % chunks.length);
        int row = (int) (added % chunkRows);
        if (row == 0 && shared[slot]) {
            chunks[slot] = new double[chunkRows * dimension];
            shared[slot] = false;
        }
        System.arraycopy(vector, 0, chunks[slot], row * dimension, dimension);
        added++;
        if (count < capacity) {
            count++;
        }
    }

    int count() {
        return count;
    }

    /** The window's rows as they are now, oldest first; read them with {@link Snapshot#rows()}. */
    Snapshot snapshot() {
        double[][] held = chunks.clone();
        Arrays.fill(shared, true);
        return new Snapshot(held, chunkRows, dimension, added - count, count);
    }

    /** Rows of a window frozen by {@link #snapshot()}; {@link #rows()} copies them out, on any thread. */
    static final class Snapshot {
        private final double[][] chunks;
        private final int chunkRows;
        private final int dimension;
        private final long first;
        private final int count;

        private Snapshot(double[][] chunks, int chunkRows, int dimension, long first, int count) {
            this.chunks = chunks;
            this.chunkRows = chunkRows;
            this.dimension = dimension;
            this.first = first;
            this.count = count;
        }

        int count() {
            return count;
        }

        /** A copy of the rows, oldest first. */
        double[][] rows() {
            double[][] rows = new double[count][dimension];
            for (int i = 0; i < count; i++) {
                long index = first + i;
                double[] chunk = chunks[(int) ((index / chunkRows) % chunks.length)];
                System.arraycopy(chunk, (int) (index % chunkRows) * dimension, rows[i], 0, dimension);
            }
            return rows;
        }
    }
}
