package dev.firebreak.bench.nab;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.SeriesDetector;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code bench/nab-detect DATA_DIR OUT_DIR}: runs the console's own detection on NAB files. Every
 * {@code DATA_DIR/<corpus>/<name>.csv} gets {@code OUT_DIR/<corpus>/<name>.csv} with
 * {@code timestamp,value,anomaly_score}. One configuration ({@link DetectionConfig#nab()}, the fallback
 * detectors for series of unknown kind) for every file; each row is scored before the next is read
 * (causal), and a row's score is the highest of the detectors that are past learning.
 */
public final class NabDetect {

    private NabDetect() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: nab-detect DATA_DIR OUT_DIR");
            System.exit(64);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try {
            List<Path> files = NabResultsFile.listCsv(data);
            if (files.isEmpty()) {
                throw new NabInputException(data + ": no data files (expected <corpus>/<name>.csv)");
            }
            MetricDetectionConfig config = DetectionConfig.nab().fallback();
            for (Path file : files) {
                NabDataFile input = NabDataFile.read(data, file);
                input.writeResults(out, scores(input, config));
            }
            System.out.println("nab-detect: scored " + files.size() + " files into " + out);
        } catch (NabInputException e) {
            System.err.println("nab-detect: " + e.getMessage());
            System.exit(2);
        }
    }

    /** One score per row, from fresh detectors fed the rows in order. */
    static double[] scores(NabDataFile input, MetricDetectionConfig config) {
        return scores(input, config.createDetectors());
    }

    /** One score per row, from the given fresh detectors fed the rows in order (the highest score counts). */
    static double[] scores(NabDataFile input, List<SeriesDetector> detectors) {
        double[] values = input.values();
        List<String> timestamps = input.timestamps();
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            LocalDateTime time = NabTime.parseOrNull(timestamps.get(i));
            long epochSecond = time.toEpochSecond(ZoneOffset.UTC);
            double score = 0;
            for (SeriesDetector detector : detectors) {
                DetectorOutput output = detector.update(epochSecond, values[i]);
                if (!output.isLearning()) {
                    score = Math.max(score, output.score());
                }
            }
            scores[i] = score;
        }
        return scores;
    }
}
