package dev.firebreak.bench.nab;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A NAB data file (timestamp,value), and writing a detector's results file next to it. */
record NabDataFile(String key, List<String> timestamps, double[] values) {

    static NabDataFile read(Path dir, Path file) {
        String key = NabResultsFile.keyOf(dir, file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.trim().equals("timestamp,value")) {
                throw new NabInputException(file + ":1: expected the header timestamp,value, was '" + header + "'");
            }
            List<String> times = new ArrayList<>();
            double[] values = new double[1024];
            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String[] fields = line.split(",", -1);
                if (fields.length != 2 || NabTime.parseOrNull(fields[0]) == null) {
                    throw new NabInputException(file + ":" + lineNumber + ": expected timestamp,value, was '" + line + "'");
                }
                if (times.size() == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                try {
                    values[times.size()] = Double.parseDouble(fields[1].trim());
                } catch (NumberFormatException e) {
                    throw new NabInputException(file + ":" + lineNumber + ": value '" + fields[1] + "' is not a number", e);
                }
                times.add(fields[0].trim());
            }
            return new NabDataFile(key, times, Arrays.copyOf(values, times.size()));
        } catch (IOException e) {
            throw new NabInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes OUT_DIR/<corpus>/<name>.csv with columns timestamp,value,anomaly_score. */
    void writeResults(Path outDir, double[] scores) {
        Path out = outDir.resolve(key);
        try {
            Files.createDirectories(out.getParent());
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                writer.write("timestamp,value,anomaly_score\n");
                for (int i = 0; i < values.length; i++) {
                    writer.write(timestamps.get(i) + "," + format(values[i]) + "," + format(scores[i]) + "\n");
                }
            }
        } catch (IOException e) {
            throw new NabInputException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.1f", value)
                : Double.toString(value);
    }
}
