package dev.firebreak.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabScoreTests {

    @TempDir
    Path dir;

    private Path results;
    private Path windows;
    private Path profiles;

    @BeforeEach
    void writeLabels() throws IOException {
        results = dir.resolve("results");
        windows = dir.resolve("combined_windows.json");
        profiles = dir.resolve("profiles.json");
        Files.writeString(windows, """
                {"c/a.csv": [["2020-01-01 00:50:00.000000", "2020-01-01 01:05:00.000000"]], "c/b.csv": []}""");
        Files.writeString(profiles, """
                {"standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11, "tnWeight": 1.0}},
                 "reward_low_FP_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.22, "tnWeight": 1.0}},
                 "reward_low_FN_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 2.0, "fpWeight": 0.11, "tnWeight": 1.0}}}""");
    }

    @Test
    void perfectResultsPrintOneHundredPerProfileAsTheLastLine() throws IOException {
        // 20 rows at 5 minutes: the window covers rows 10-13, probationary rows are 0-2
        writeResults("c/a.csv", 20, 10);

        String output = run();

        String[] lines = output.strip().split("\n");
        assertThat(lines[lines.length - 1])
                .isEqualTo("{\"standard\":100.000,\"reward_low_FP_rate\":100.000,\"reward_low_FN_rate\":100.000}");
        assertThat(output).contains("scored 1 files");
    }

    @Test
    void malformedRowIsAnErrorNamingFileAndLine() throws IOException {
        Path file = results.resolve("c/a.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "timestamp,value,anomaly_score\n2020-01-01 00:00:00,1.0,0\n2020-01-01 00:05:00,1.0\n");

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class)
                .hasMessageContaining("c/a.csv:3:").hasMessageContaining("expected 3 fields");
    }

    @Test
    void scoreOutsideZeroToOneIsAnError() throws IOException {
        writeRaw("c/a.csv", "timestamp,value,anomaly_score\n2020-01-01 00:00:00,1.0,1.5\n");

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class)
                .hasMessageContaining("c/a.csv:2:").hasMessageContaining("outside [0, 1]");
    }

    @Test
    void notANumberScoreIsAnError() throws IOException {
        writeRaw("c/a.csv", "timestamp,value,anomaly_score\n2020-01-01 00:00:00,1.0,NaN\n");

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class).hasMessageContaining("c/a.csv:2:");
    }

    @Test
    void badTimestampIsAnErrorNamingFileAndLine() throws IOException {
        writeRaw("c/a.csv", "timestamp,value,anomaly_score\n2020-01-01 00:00:00,1.0,0\nyesterday,1.0,0\n");

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class)
                .hasMessageContaining("c/a.csv:3:").hasMessageContaining("yesterday");
    }

    @Test
    void resultsFileMissingFromTheWindowsIsAnErrorNamingIt() throws IOException {
        writeResults("other/unknown.csv", 20, 10);

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class).hasMessageContaining("other/unknown.csv");
    }

    @Test
    void headerWithoutAnomalyScoreIsAnError() throws IOException {
        writeRaw("c/a.csv", "timestamp,value\n2020-01-01 00:00:00,1.0\n");

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class)
                .hasMessageContaining("c/a.csv:1:").hasMessageContaining("anomaly_score");
    }

    @Test
    void onlyFilesPresentInTheResultsAreScored() throws IOException {
        writeResults("c/a.csv", 20, 10);

        String output = run();

        assertThat(output).contains("scored 1 files").contains("1 windows");
    }

    @Test
    void resultsWithoutAnyWindowAreAnError() throws IOException {
        writeResults("c/b.csv", 20, -1);

        assertThatThrownBy(this::run).isInstanceOf(NabInputException.class).hasMessageContaining("no anomaly window");
    }

    private void writeResults(String key, int rows, int detectedRow) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,value,anomaly_score\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("2020-01-01 %02d:%02d:00,%d.0,%s%n", i * 5 / 60, i * 5 % 60, i, i == detectedRow ? "1" : "0"));
        }
        writeRaw(key, csv.toString());
    }

    private void writeRaw(String key, String text) throws IOException {
        Path file = results.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NabScore.run(results, windows, profiles, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
