package dev.firebreak.app.headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.app.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verify-timeline}: a report as written verifies; one edited entry is named and exits 4. */
class TimelineCheckTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(Path report) {
        return TimelineCheck.run(report, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void reportAsWrittenVerifiesAndAnEditedEntryIsNamed(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("run.json");
        new HeadlessRun(CommandLine.parse(new String[] {"--headless", "--duration", "25m", "--seed", "5",
                "--inject", "instance-kill:postgres-primary,at=10m,for=5m", "--report", report.toString()},
                Map.of("FIREBREAK_DATA_DIR", dir.toString())), new PrintStream(new ByteArrayOutputStream())).run();

        assertThat(check(report)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INC-0001: Timeline intact");

        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Files.readString(report));
        ObjectNode third = (ObjectNode) tree.get("incidents").get(0).get("timeline").get(2);
        third.put("text", third.get("text").asText() + " (edited)");
        Path tampered = dir.resolve("tampered.json");
        json.writeValue(tampered.toFile(), tree);

        assertThat(check(tampered)).isEqualTo(TimelineCheck.TAMPERED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("INC-0001: entry 3").contains("changed after it was written");
    }

    @Test
    void malformedReportIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"incidents\": [\n  {\"id\": 1,,}\n]}");

        assertThat(check(broken)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not valid JSON: line 2");
    }
}
