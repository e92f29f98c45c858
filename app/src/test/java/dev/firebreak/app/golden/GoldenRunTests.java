package dev.firebreak.app.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.app.cli.CommandLine;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.app.headless.HeadlessRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what the engine reports for one seeded hour of the shop with three faults: every health change,
 * anomaly, simulated condition and per-component summary. A change that alters detection's output fails
 * here and must update the fixture on purpose, saying why in its commit:
 * {@code mvn -pl app verify -Dgolden.update=true} rewrites it (wall time is left out, it is the only
 * thing that may differ between runs).
 */
class GoldenRunTests {

    static final String[] RUN = {"--headless", "--duration", "60m", "--seed", "5",
            "--inject", "latency:catalog,magnitude=600,at=10m,for=10m",
            "--inject", "instance-kill:postgres-primary,at=32m,for=8m",
            "--inject", "memory-leak:orders,at=45m"};
    private static final Path FIXTURE = Path.of("src/test/resources/golden/shop-1h-seed5.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void seededShopHourReportsExactlyWhatTheFixtureHolds(@TempDir Path dir) throws Exception {
        JsonNode actual = withoutWallTime(runReport(dir.resolve("run.json")));

        if (Boolean.getBoolean("golden.update")) {
            JSON.writeValue(FIXTURE.toFile(), actual);
        }
        JsonNode expected = JSON.readTree(Files.readString(FIXTURE));

        assertThat(differences(expected, actual, "")).as("report differs from %s", FIXTURE).isEmpty();
    }

    private static JsonNode runReport(Path report) throws Exception {
        List<String> args = new ArrayList<>(List.of(RUN));
        args.add("--report");
        args.add(report.toString());
        LaunchOptions options = CommandLine.parse(args.toArray(String[]::new), Map.of("FIREBREAK_DATA_DIR", "/tmp/unused"));
        new HeadlessRun(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        return JSON.readTree(Files.readString(report));
    }

    private static JsonNode withoutWallTime(JsonNode report) {
        ((ObjectNode) report.get("run")).remove("wallSeconds");
        return report;
    }

    /** The first few places where the two trees differ, as JSON pointers, so a failure says what moved. */
    static List<String> differences(JsonNode expected, JsonNode actual, String at) throws IOException {
        List<String> out = new ArrayList<>();
        collect(expected, actual, at, out);
        return out.size() > 20 ? out.subList(0, 20) : out;
    }

    private static void collect(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (out.size() > 20) {
            return;
        }
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            out.add(at + ": expected " + expected + ", was " + actual);
            return;
        }
        if (expected.isObject()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    names.add(name);
                }
            });
            for (String name : names) {
                collect(expected.get(name), actual.get(name), at + "/" + name, out);
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(at + ": expected " + expected.size() + " elements, was " + actual.size());
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext() && a.hasNext(); i++) {
                collect(e.next(), a.next(), at + "/" + i, out);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": expected " + expected + ", was " + actual);
        }
    }
}
