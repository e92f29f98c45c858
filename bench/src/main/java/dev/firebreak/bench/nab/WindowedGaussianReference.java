package dev.firebreak.bench.nab;

import java.nio.file.Path;
import org.apache.commons.math3.special.Erf;

/**
 * {@code WindowedGaussianReference DATA_DIR OUT_DIR}: NAB's published "windowed Gaussian" baseline,
 * re-implemented only to check our scorer against a published figure (35.3 standard on this half).
 * Each row's score is the Gaussian probability {@code P(X < value)} under a Gaussian (population
 * standard deviation) fitted to the previous 1000 values; the first row scores 0. Only unusually high
 * values score near 1, low ones near 0: one-sided, as NAB's published result files of this detector
 * show (for example nyc_taxi 2014-07-23 06:30, value 11788, score 0.33268).
 */
public final class WindowedGaussianReference {

    /** The window of NAB's current detector source; its published result files match a longer one. */
    static final int DEFAULT_WINDOW = 1000;
    private static final double MIN_STDEV = 1e-6;

    private WindowedGaussianReference() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: WindowedGaussianReference DATA_DIR OUT_DIR [WINDOW_ROWS]");
            System.exit(64);
        }
        Path data = Path.of(args[0]);
        int window = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_WINDOW;
        if (window < 1) {
            throw new IllegalArgumentException("WINDOW_ROWS must be >= 1, was " + window);
        }
        for (Path file : NabResultsFile.listCsv(data)) {
            NabDataFile input = NabDataFile.read(data, file);
            input.writeResults(Path.of(args[1]), scores(input.values(), window));
        }
    }

    static double[] scores(double[] values, int window) {
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - window);
            if (i == 0) {
                scores[i] = 0;
                continue;
            }
            double mean = 0;
            for (int j = from; j < i; j++) {
                mean += values[j];
            }
            mean /= i - from;
            double squares = 0;
            for (int j = from; j < i; j++) {
                squares += (values[j] - mean) * (values[j] - mean);
            }
            double stdev = Math.sqrt(squares / (i - from));
            scores[i] = lowerProbability(values[i], mean, stdev == 0 ? MIN_STDEV : stdev);
        }
        return scores;
    }

    /** {@code P(X < x)} for X ~ N(mean, stdev). */
    static double lowerProbability(double x, double mean, double stdev) {
        return 0.5 * Erf.erfc(-(x - mean) / (stdev * Math.sqrt(2)));
    }
}
