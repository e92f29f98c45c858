package dev.firebreak.bench.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One file's share of a profile result at the chosen threshold, to see where a detector wins and loses.
 *
 * @param key            "corpus/name.csv"
 * @param windows        windows of the file that are scored
 * @param detected       of those, windows with a detection
 * @param falsePositives detected rows outside every window
 * @param raw            the file's contribution to the raw total
 */
public record NabFileBreakdown(String key, int windows, int detected, int falsePositives, double raw) {

    static List<NabFileBreakdown> of(NabCorpus corpus, NabProfile profile, double threshold) {
        int files = corpus.files();
        int[] windowsPerFile = new int[files];
        int[] detectedPerFile = new int[files];
        int[] falsePositivesPerFile = new int[files];
        double[] rawPerFile = new double[files];
        int[] windowFile = new int[corpus.windowCount()];
        Arrays.fill(windowFile, -1);
        double[] best = new double[corpus.windowCount()];
        Arrays.fill(best, Double.NaN);
        for (int row = 0; row < corpus.rows(); row++) {
            int window = corpus.window(row);
            int file = corpus.file(row);
            if (window >= 0) {
                windowFile[window] = file;
            }
            if (!(corpus.score(row) >= threshold)) {
                continue;
            }
            if (window < 0) {
                falsePositivesPerFile[file]++;
                rawPerFile[file] += profile.fpWeight() * corpus.value(row);
            } else {
                double value = profile.tpWeight() * corpus.value(row);
                if (Double.isNaN(best[window]) || value > best[window]) {
                    best[window] = value;
                }
            }
        }
        for (int w = 0; w < best.length; w++) {
            int file = windowFile[w];
            windowsPerFile[file]++;
            if (Double.isNaN(best[w])) {
                rawPerFile[file] -= profile.fnWeight();
            } else {
                detectedPerFile[file]++;
                rawPerFile[file] += best[w];
            }
        }
        List<NabFileBreakdown> result = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            result.add(new NabFileBreakdown(corpus.key(f), windowsPerFile[f], detectedPerFile[f], falsePositivesPerFile[f],
                    rawPerFile[f]));
        }
        return result;
    }
}
