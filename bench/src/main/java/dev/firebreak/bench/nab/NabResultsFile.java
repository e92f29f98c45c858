package dev.firebreak.bench.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A detector's output for one NAB file: per row its timestamp and anomaly score.
 *
 * @param key        "corpus/name.csv", the key of the file in the label files
 * @param timestamps never decreasing
 * @param scores     one per row, each in [0, 1]
 */
public record NabResultsFile(String key, LocalDateTime[] timestamps, double[] scores) {

    public NabResultsFile {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(scores, "scores");
        if (timestamps.length != scores.length) {
            throw new IllegalArgumentException(key + ": " + timestamps.length + " timestamps but " + scores.length + " scores");
        }
    }

    public int rows() {
        return scores.length;
    }

    /** Every {@code DIR/<corpus>/<name>.csv}, sorted by key; files directly in DIR are not results. */
    public static List<Path> listCsv(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NabInputException(dir + ": not a directory");
        }
        try (Stream<Path> paths = Files.walk(dir, 2)) {
            return paths.filter(p -> p.getNameCount() == dir.getNameCount() + 2)
                    .filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new NabInputException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The label-file key of a CSV below a results or data directory. */
    public static String keyOf(Path dir, Path file) {
        Path relative = dir.relativize(file);
        return relative.getName(0) + "/" + relative.getName(1);
    }

    /** Reads a results CSV with at least the columns timestamp and anomaly_score (any order, with a header). */
    public static NabResultsFile read(Path file, String key) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new NabInputException(file + ": empty file, expected a header timestamp,value,anomaly_score");
            }
            List<String> columns = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int timeColumn = columns.indexOf("timestamp");
            int scoreColumn = columns.indexOf("anomaly_score");
            if (timeColumn < 0 || scoreColumn < 0) {
                throw new NabInputException(file + ":1: header must name the columns timestamp and anomaly_score, was '"
                        + header + "'");
            }
            return readRows(file, key, reader, columns.size(), timeColumn, scoreColumn);
        } catch (IOException e) {
            throw new NabInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static NabResultsFile readRows(Path file, String key, BufferedReader reader, int columnCount, int timeColumn,
            int scoreColumn) throws IOException {
        List<LocalDateTime> times = new ArrayList<>();
        double[] scores = new double[1024];
        int lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            String where = file + ":" + lineNumber + ": ";
            if (fields.length != columnCount) {
                throw new NabInputException(where + "expected " + columnCount + " fields, found " + fields.length);
            }
            LocalDateTime time = NabTime.parseOrNull(fields[timeColumn]);
            if (time == null) {
                throw new NabInputException(where + "timestamp '" + fields[timeColumn] + "' is not yyyy-MM-dd HH:mm:ss");
            }
            // NAB's own data repeats timestamps at daylight-saving changes, so only going back is an error.
            if (!times.isEmpty() && time.isBefore(times.getLast())) {
                throw new NabInputException(where + "timestamp " + fields[timeColumn] + " is before the previous row's");
            }
            double score = parseScore(where, fields[scoreColumn]);
            if (times.size() == scores.length) {
                scores = Arrays.copyOf(scores, scores.length * 2);
            }
            scores[times.size()] = score;
            times.add(time);
        }
        if (times.isEmpty()) {
            throw new NabInputException(file + ": no data rows");
        }
        return new NabResultsFile(key, times.toArray(LocalDateTime[]::new), Arrays.copyOf(scores, times.size()));
    }

    private static double parseScore(String where, String text) {
        double score;
        try {
            score = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new NabInputException(where + "anomaly_score '" + text + "' is not a number", e);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new NabInputException(where + "anomaly_score " + text + " is outside [0, 1]");
        }
        return score;
    }
}
