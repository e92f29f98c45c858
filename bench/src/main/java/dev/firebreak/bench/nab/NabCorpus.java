package dev.firebreak.bench.nab;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every scorable row of a set of results files, labelled once: its anomaly score, its unweighted value
 * (see {@link NabRules}) and the window it lies in, if any. Probationary rows are not here at all, so
 * they are neither detections nor false positives; a window lying wholly in the probationary period is
 * not counted either (NAB's sweeper does the same).
 */
public final class NabCorpus {

    private final List<String> keys;
    private final int[] fileOf;
    private final double[] scores;
    private final double[] values;
    private final int[] windows;
    private final int windowCount;

    private NabCorpus(List<String> keys, int[] fileOf, double[] scores, double[] values, int[] windows, int windowCount) {
        this.keys = keys;
        this.fileOf = fileOf;
        this.scores = scores;
        this.values = values;
        this.windows = windows;
        this.windowCount = windowCount;
    }

    /**
     * Labels the results against the windows.
     *
     * @throws NabInputException if a results file has no entry in the windows, or a window holds no row
     */
    public static NabCorpus label(List<NabResultsFile> results, Map<String, List<NabWindow>> windowsByKey) {
        int total = 0;
        for (NabResultsFile file : results) {
            if (!windowsByKey.containsKey(file.key())) {
                throw new NabInputException("results file " + file.key() + " has no entry in the windows file");
            }
            total += file.rows() - NabRules.probationaryLength(file.rows());
        }
        double[] scores = new double[total];
        double[] values = new double[total];
        int[] windows = new int[total];
        int[] fileOf = new int[total];
        int next = 0;
        int windowCount = 0;
        for (int f = 0; f < results.size(); f++) {
            NabResultsFile file = results.get(f);
            int[][] bounds = rowBounds(file, windowsByKey.get(file.key()));
            int first = next;
            next = labelFile(file, bounds, windowCount, scores, values, windows, next);
            Arrays.fill(fileOf, first, next, f);
            windowCount += countScorable(bounds, NabRules.probationaryLength(file.rows()));
        }
        return new NabCorpus(results.stream().map(NabResultsFile::key).toList(), fileOf, scores, values, windows,
                windowCount);
    }

    /** First and last row of each window. */
    private static int[][] rowBounds(NabResultsFile file, List<NabWindow> windows) {
        LocalDateTime[] times = file.timestamps();
        int[][] bounds = new int[windows.size()][];
        int row = 0;
        for (int w = 0; w < windows.size(); w++) {
            NabWindow window = windows.get(w);
            while (row < times.length && times[row].isBefore(window.start())) {
                row++;
            }
            int first = row;
            while (row < times.length && !times[row].isAfter(window.end())) {
                row++;
            }
            if (row == first) {
                throw new NabInputException(file.key() + ": window " + w + " [" + NabTime.format(window.start()) + ", "
                        + NabTime.format(window.end()) + "] contains no row of the results file");
            }
            bounds[w] = new int[] {first, row - 1};
        }
        return bounds;
    }

    private static int countScorable(int[][] bounds, int probationary) {
        int count = 0;
        for (int[] b : bounds) {
            if (b[1] >= probationary) {
                count++;
            }
        }
        return count;
    }

    private static int labelFile(NabResultsFile file, int[][] bounds, int firstWindowId, double[] scores, double[] values,
            int[] windows, int next) {
        int probationary = NabRules.probationaryLength(file.rows());
        int w = 0;
        int id = firstWindowId;
        for (int[] b : bounds) {
            if (b[1] < probationary) {
                w++;
            }
        }
        // Windows wholly in the probationary period still count as "the nearest earlier window".
        int previous = w - 1;
        for (int i = probationary; i < file.rows(); i++) {
            while (w < bounds.length && i > bounds[w][1]) {
                previous = w;
                w++;
                id++;
            }
            scores[next] = file.scores()[i];
            if (w < bounds.length && i >= bounds[w][0]) {
                values[next] = NabRules.insideWindow(i, bounds[w][1], width(bounds[w]));
                windows[next] = id;
            } else {
                values[next] = previous < 0 ? NabRules.beforeAnyWindow()
                        : NabRules.afterWindow(i, bounds[previous][1], width(bounds[previous]));
                windows[next] = -1;
            }
            next++;
        }
        return next;
    }

    private static int width(int[] bounds) {
        return bounds[1] - bounds[0] + 1;
    }

    public int files() {
        return keys.size();
    }

    /** The key ("corpus/name.csv") of a file by its index, in the order the files were given. */
    public String key(int file) {
        return keys.get(file);
    }

    /** The index of the file a row belongs to. */
    int file(int row) {
        return fileOf[row];
    }

    public int rows() {
        return scores.length;
    }

    /** Windows with at least one scorable row. */
    public int windowCount() {
        return windowCount;
    }

    double score(int row) {
        return scores[row];
    }

    double value(int row) {
        return values[row];
    }

    /** Window id of a row, or -1 outside every window. */
    int window(int row) {
        return windows[row];
    }

    /** Row indices by descending anomaly score. */
    int[] byDescendingScore() {
        return IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a]))
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "NabCorpus[files=" + keys.size() + ", rows=" + scores.length + ", windows=" + windowCount + "]";
    }
}
