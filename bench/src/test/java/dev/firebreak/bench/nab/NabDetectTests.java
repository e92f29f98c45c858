package dev.firebreak.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.config.DetectionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabDetectTests {

    private static final LocalDateTime START = LocalDateTime.of(2014, 2, 14, 0, 0);

    @TempDir
    Path dir;

    private static List<String> rows(double[] values) {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,value");
        for (int i = 0; i < values.length; i++) {
            lines.add(NabTime.format(START.plusMinutes(5L * i)) + "," + values[i]);
        }
        return lines;
    }

    private static double[] noiseWithSpike(int n, int spikeAt) {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 50 + 2 * random.nextGaussian();
        }
        values[spikeAt] = 120;
        return values;
    }

    private Path write(String corpus, String name, List<String> lines) throws IOException {
        Path file = dir.resolve("data").resolve(corpus).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }

    @Test
    void spikeAfterNoiseIsTheHighestScoreOfTheFile() throws IOException {
        write("realTest", "spike.csv", rows(noiseWithSpike(1200, 900)));
        NabDataFile input = NabDataFile.read(dir.resolve("data"), dir.resolve("data/realTest/spike.csv"));

        double[] scores = NabDetect.scores(input, DetectionConfig.nab().fallback());

        double highestElsewhere = 0;
        for (int i = 300; i < scores.length; i++) {
            highestElsewhere = i == 900 ? highestElsewhere : Math.max(highestElsewhere, scores[i]);
        }
        assertThat(scores[900]).isGreaterThan(0.5).isGreaterThan(highestElsewhere);
    }

    @Test
    void scoresAreCausalSoATruncatedFileScoresItsRowsTheSame() throws IOException {
        double[] values = noiseWithSpike(1200, 900);
        write("realTest", "full.csv", rows(values));
        write("realTest", "cut.csv", rows(Arrays.copyOf(values, 899)));

        double[] full = NabDetect.scores(NabDataFile.read(dir.resolve("data"), dir.resolve("data/realTest/full.csv")),
                DetectionConfig.nab().fallback());
        double[] cut = NabDetect.scores(NabDataFile.read(dir.resolve("data"), dir.resolve("data/realTest/cut.csv")),
                DetectionConfig.nab().fallback());

        assertThat(cut).containsExactly(Arrays.copyOf(full, 899));
    }

    @Test
    void mainWritesOneResultsFilePerDataFileWithScoresInRange() throws IOException {
        write("realA", "one.csv", rows(noiseWithSpike(600, 500)));
        write("realB", "two.csv", rows(noiseWithSpike(400, 350)));

        NabDetect.main(new String[] {dir.resolve("data").toString(), dir.resolve("out").toString()});

        NabResultsFile one = NabResultsFile.read(dir.resolve("out/realA/one.csv"), "realA/one.csv");
        NabResultsFile two = NabResultsFile.read(dir.resolve("out/realB/two.csv"), "realB/two.csv");
        assertThat(one.rows()).isEqualTo(600);
        assertThat(two.rows()).isEqualTo(400);
        assertThat(Files.readAllLines(dir.resolve("out/realA/one.csv")).getFirst()).isEqualTo("timestamp,value,anomaly_score");
        assertThat(Arrays.stream(one.scores()).boxed().toList()).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    }

    @Test
    void badValueIsReportedWithFileAndLine() throws IOException {
        List<String> lines = rows(noiseWithSpike(10, 5));
        lines.set(4, "2014-02-14 00:15:00,lots");
        Path file = write("realTest", "bad.csv", lines);

        assertThatThrownBy(() -> NabDataFile.read(dir.resolve("data"), file))
                .isInstanceOf(NabInputException.class)
                .hasMessageContaining("bad.csv:5:")
                .hasMessageContaining("'lots' is not a number");
    }

    @Test
    void badTimestampIsReportedWithFileAndLine() throws IOException {
        List<String> lines = rows(noiseWithSpike(10, 5));
        lines.set(3, "14/02/2014 00:10,50");
        Path file = write("realTest", "late.csv", lines);

        assertThatThrownBy(() -> NabDataFile.read(dir.resolve("data"), file))
                .isInstanceOf(NabInputException.class)
                .hasMessageContaining("late.csv:4:")
                .hasMessageContaining("expected timestamp,value");
    }
}
