package dev.firebreak.engine.detect.ml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingWindowTests {

    private static final int DIMENSION = 3;

    @Test
    void snapshotHoldsTheNewestRowsOldestFirstAfterTheRingWraps() {
        // Arrange: a window that is not a whole number of chunks, filled well past its capacity.
        int capacity = TrainingWindow.CHUNK_ROWS * 2 + 5;
        TrainingWindow window = new TrainingWindow(capacity, DIMENSION);
        int added = capacity * 3 + 17;

        // Act
        for (int i = 0; i < added; i++) {
            window.add(row(i));
        }
        double[][] rows = window.snapshot().rows();

        // Assert
        assertThat(rows).hasNumberOfRows(capacity);
        for (int i = 0; i < capacity; i++) {
            assertThat(rows[i]).containsExactly(row(added - capacity + i));
        }
    }

    @Test
    void snapshotBeforeTheWindowIsFullHoldsEveryRowAdded() {
        TrainingWindow window = new TrainingWindow(TrainingWindow.CHUNK_ROWS * 4, DIMENSION);
        for (int i = 0; i < 70; i++) {
            window.add(row(i));
        }

        double[][] rows = window.snapshot().rows();

        assertThat(rows).hasNumberOfRows(70);
        assertThat(rows[0]).containsExactly(row(0));
        assertThat(rows[69]).containsExactly(row(69));
    }

    @Test
    void rowsAddedAfterASnapshotDoNotChangeIt() {
        // Arrange: several snapshots taken while the ring keeps turning, read only at the end, as a slow fit would.
        int capacity = TrainingWindow.CHUNK_ROWS * 3;
        TrainingWindow window = new TrainingWindow(capacity, DIMENSION);
        List<TrainingWindow.Snapshot> snapshots = new ArrayList<>();
        List<Integer> addedAtSnapshot = new ArrayList<>();
        int added = 0;

        // Act
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < capacity / 2 + 7; i++) {
                window.add(row(added++));
            }
            snapshots.add(window.snapshot());
            addedAtSnapshot.add(added);
        }
        for (int i = 0; i < capacity * 2; i++) {
            window.add(row(added++));
        }

        // Assert
        for (int s = 0; s < snapshots.size(); s++) {
            double[][] rows = snapshots.get(s).rows();
            int end = addedAtSnapshot.get(s);
            int count = Math.min(end, capacity);
            assertThat(rows).hasNumberOfRows(count);
            for (int i = 0; i < count; i++) {
                assertThat(rows[i]).containsExactly(row(end - count + i));
            }
        }
    }

    private static double[] row(int index) {
        return new double[] {index, -index, index * 0.5};
    }
}
