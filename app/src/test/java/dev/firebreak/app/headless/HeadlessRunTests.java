package dev.firebreak.app.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.app.cli.CommandLine;
import dev.firebreak.app.cli.LaunchOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessRunTests {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private JsonNode run(String... args) throws Exception {
        LaunchOptions options = CommandLine.parse(args, Map.of("FIREBREAK_DATA_DIR", "/tmp/unused"));
        new HeadlessRun(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        return new ObjectMapper().readTree(Files.readString(options.report().orElseThrow()));
    }

    @Test
    void injectedFaultIsRecordedAsGroundTruthAndDetectedOnItsTarget(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("out.json");

        JsonNode json = run("--headless", "--duration", "20m", "--seed", "3", "--report", report.toString(),
                "--inject", "dependency-failure:checkout->payments,at=5m,for=5m");

        assertThat(json.at("/run/simulatedSeconds").asLong()).isEqualTo(1200);
        assertThat(json.at("/groundTruth/0/fault").asText()).startsWith("dependency-failure:checkout->payments");
        assertThat(json.at("/groundTruth/0/ended").isNull()).isFalse();
        List<String> unhealthy = new ArrayList<>();
        json.get("healthChanges").forEach(change -> unhealthy.add(change.get("component").asText()));
        assertThat(unhealthy).contains("checkout");
        assertThat(componentNamed(json, "checkout").get("worstState").asText()).isNotEqualTo("HEALTHY");
        assertThat(componentNamed(json, "checkout").get("worstSimulatedCondition").asText()).isNotEqualTo("HEALTHY");
        List<String> anomalousAfterTheFault = new ArrayList<>();
        json.get("anomalies").forEach(anomaly -> {
            if (anomaly.get("at").asText().compareTo(json.at("/groundTruth/0/started").asText()) >= 0) {
                anomalousAfterTheFault.add(anomaly.get("component").asText());
            }
        });
        assertThat(anomalousAfterTheFault).contains("checkout");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("simulated 20m of shop");
    }

    @Test
    void sameSeedAndFaultsGiveTheSameReport(@TempDir Path dir) throws Exception {
        String[] common = {"--headless", "--duration", "10m", "--seed", "11", "--inject", "latency:catalog,magnitude=900,at=2m,for=3m"};

        JsonNode first = run(concat(common, "--report", dir.resolve("a.json").toString()));
        JsonNode second = run(concat(common, "--report", dir.resolve("b.json").toString()));

        assertThat(second.get("healthChanges")).isEqualTo(first.get("healthChanges"));
        assertThat(second.get("anomalies")).isEqualTo(first.get("anomalies"));
        assertThat(second.get("components")).isEqualTo(first.get("components"));
        assertThat(second.get("checkedHealthChanges")).isEqualTo(first.get("checkedHealthChanges"));
        assertThat(second.get("assessedHealthChanges")).isEqualTo(first.get("assessedHealthChanges"));
    }

    @Test
    void lostReplicaIsReportedAsAChecksVerdictAndAsAssessedDegradedAtLowSeverity(@TempDir Path dir) throws Exception {
        JsonNode json = run("--headless", "--duration", "20m", "--seed", "3", "--report", dir.resolve("out.json").toString(),
                "--inject", "instance-kill:catalog,at=12m,for=5m");

        List<JsonNode> checked = changesOf(json.get("checkedHealthChanges"), "catalog");
        List<JsonNode> assessed = changesOf(json.get("assessedHealthChanges"), "catalog");
        assertThat(checked).isNotEmpty();
        assertThat(checked.getFirst().get("to").asText()).isEqualTo("DEGRADED");
        assertThat(checked.getFirst().get("reason").asText()).contains("catalog: 1 of 6 instances down");
        assertThat(checked).anySatisfy(change -> assertThat(change.get("remediate").asBoolean()).isTrue());
        assertThat(assessed.getFirst().get("to").asText()).isEqualTo("DEGRADED");
        assertThat(assessed.getFirst().get("severity").asText()).isEqualTo("LOW");
        assertThat(assessed.getFirst().get("source").asText()).isEqualTo("CHECKS");
        assertThat(assessed.getLast().get("to").asText()).as("replaced after two minutes").isEqualTo("HEALTHY");
        assertThat(componentNamed(json, "catalog").get("worstAssessedState").asText()).isEqualTo("DEGRADED");
        assertThat(componentNamed(json, "catalog").get("worstState").asText()).as("detection").isEqualTo("HEALTHY");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("assessed health change(s)");
    }

    private static List<JsonNode> changesOf(JsonNode changes, String component) {
        List<JsonNode> result = new ArrayList<>();
        changes.forEach(change -> {
            if (change.get("component").asText().equals(component)) {
                result.add(change);
            }
        });
        return result;
    }

    @Test
    void badFaultTargetFailsBeforeTheRunAndWritesNoReport(@TempDir Path dir) {
        Path report = dir.resolve("out.json");

        assertThatThrownBy(() -> run("--headless", "--duration", "1h", "--report", report.toString(),
                "--inject", "latency:paymnts"))
                .hasMessageContaining("paymnts");
        assertThat(report).doesNotExist();
    }

    private static JsonNode componentNamed(JsonNode json, String id) {
        for (JsonNode component : json.get("components")) {
            if (component.get("id").asText().equals(id)) {
                return component;
            }
        }
        throw new AssertionError("no component " + id + " in report");
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
