package dev.firebreak.engine.detect.series.internal;

/** A fixed-size ring of the last {@code capacity} samples, stored as floats to halve the memory. */
final class FloatRing {

    private final float[] values;
    private int next;
    private int size;

    FloatRing(int capacity) {
        this.values = new float[capacity];
    }

    boolean isFull() {
        return size == values.length;
    }

    int size() {
        return size;
    }

    /** The sample that the next {@link #push} will evict; only meaningful when full. */
    float oldest() {
        return values[next];
    }

    void push(float value) {
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
    }

    float get(int i) {
        int index = next - size + i;
        return values[index < 0 ? index + values.length : index];
    }

    void clear() {
        next = 0;
        size = 0;
    }

    int bytes() {
        return 16 + 4 * values.length + 8;
    }
}
