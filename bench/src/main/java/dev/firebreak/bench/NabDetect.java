package dev.firebreak.bench;

import dev.firebreak.engine.detect.DetectionConfig;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.SeriesDetector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the console's own detection on NAB files: {@code NabDetect DATA_DIR OUT_DIR}. Every
 * {@code DATA_DIR/<corpus>/<name>.csv} gets {@code OUT_DIR/<corpus>/<name>.csv} with
 * {@code timestamp,value,anomaly_score}. One configuration ({@link DetectionConfig#nab()}) for every file,
 * each row scored before the next is read (causal); a row's score is the highest of the detectors.
 */
public final class NabDetect {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private NabDetect() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: nab-detect DATA_DIR OUT_DIR");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.isDirectory(data)) {
            System.err.println("nab-detect: " + data + " is not a directory");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data, 2)) {
            files = walk.filter(p -> p.toString().endsWith(".csv") && data.relativize(p).getNameCount() == 2)
                    .sorted().toList();
        }
        for (Path file : files) {
            Path target = out.resolve(data.relativize(file));
            Files.createDirectories(target.getParent());
            detect(file, target);
        }
        System.out.println("nab-detect: scored " + files.size() + " files into " + out);
    }

    static void detect(Path in, Path out) throws IOException {
        List<SeriesDetector> detectors = DetectionConfig.nab().fallback().createDetectors();
        List<String> lines = Files.readAllLines(in);
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            writer.write("timestamp,value,anomaly_score\n");
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IOException(in + ":" + (i + 1) + ": expected timestamp,value, found '" + line + "'");
                }
                String timestamp = line.substring(0, comma).trim();
                String valueText = line.substring(comma + 1).trim();
                long epochSecond = LocalDateTime.parse(timestamp, TIMESTAMP).toEpochSecond(ZoneOffset.UTC);
                double value = valueText.isEmpty() ? Double.NaN : Double.parseDouble(valueText);
                double score = 0;
                for (SeriesDetector detector : detectors) {
                    DetectorOutput output = detector.update(epochSecond, value);
                    if (!output.isLearning()) {
                        score = Math.max(score, output.score());
                    }
                }
                writer.write(timestamp + "," + valueText + "," + String.format(Locale.ROOT, "%.9f", score) + "\n");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
