package dev.firebreak.app.durability;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HALT on the real console, headless, over the API: pressed while a runbook run waits between steps, the run's
 * rollback runs and it ends; a new run is refused; after a SIGKILL and a restart on the same data directory HALT is
 * still latched, so a run scheduled by the command line is refused too.
 */
class KilledHaltTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    @Test
    void haltStopsARunWithItsRollbackRefusesNewOnesAndIsStillLatchedAfterAKill(@TempDir Path dataDir) throws Exception {
        Path calls = dataDir.resolve("calls.log");
        Path standIn = dataDir.resolve("stand-in");
        Files.writeString(standIn, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$2\"\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dataDir.resolve("runbooks"));
        Files.writeString(dataDir.resolve("runbooks/halt-test.yaml"), """
                id: halt-test
                title: Two steps, the second waits for approval
                environments: [staging]
                steps:
                  - id: first
                    type: command
                    command: ["%1$s", first, "%2$s"]
                    rollback:
                      command: ["%1$s", undo-first, "%2$s"]
                  - id: second
                    type: command
                    command: ["%1$s", second, "%2$s"]
                    approval: true
                """.formatted(standIn, calls));

        Process console = start(dataDir, "--runbook", "halt-test", "--runbook-mode", "approval-only",
                "--runbook-environment", "staging", "--duration", "2h", "--speed", "1");
        try {
            awaitLine(console, "started runbook halt-test");
            awaitFileLines(calls, 1);
            String base = "http://127.0.0.1:" + Files.readString(dataDir.resolve("api.port")).strip();
            String token = Files.readString(dataDir.resolve("api-token")).strip();
            long id = get(base + "/api/v1/executions", token).get("executions").get(0).get("id").asLong();
            awaitState(base + "/api/v1/executions/" + id, token, "waiting_for_approval");

            JsonNode halt = post(base + "/api/v1/halt", token, "{\"person\":\"ana\",\"reason\":\"game day went wrong\"}", 200);
            assertThat(halt.get("latched").asBoolean()).isTrue();

            awaitState(base + "/api/v1/executions/" + id, token, "rolled_back");
            assertThat(Files.readAllLines(calls)).containsExactly("first", "undo-first");
            JsonNode refused = post(base + "/api/v1/runbooks/halt-test/executions", token,
                    "{\"mode\":\"automatic\",\"environment\":\"staging\",\"startedBy\":\"bob\"}", 409);
            assertThat(refused.get("error").asText()).contains("HALT is on").contains("game day went wrong");
            post(base + "/api/v1/halt", token, "{\"person\":\"bob\",\"reason\":\"again\"}", 409);
        } finally {
            console.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(console.exitValue()).isEqualTo(137);

        Path report = dataDir.resolve("after.json");
        Process restarted = start(dataDir, "--duration", "30s", "--report", report.toString(), "--runbook", "halt-test",
                "--runbook-environment", "staging", "--runbook-at", "10s");
        assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).isZero();

        JsonNode after = JSON.readTree(report.toFile());
        assertThat(after.get("healing").get("halt").get("person").asText()).isEqualTo("ana");
        assertThat(after.get("healing").get("halt").get("reason").asText()).isEqualTo("game day went wrong");
        assertThat(after.get("runbookRefused").asText()).contains("HALT is on");
        assertThat(after.get("runbookRuns")).hasSize(1);
        assertThat(Files.readAllLines(calls)).containsExactly("first", "undo-first");
    }

    private Process start(Path dataDir, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.firebreak.app.Firebreak", "--headless", "--data-dir", dataDir.toString(), "--api", "--api-port", "0"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitLine(Process process, String text) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("the console ended without printing '" + text + "'");
    }

    private static void awaitFileLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(file) || Files.readAllLines(file).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " never reached " + count + " lines");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Polls the run (a real process on wall-clock time) until it reaches {@code state}; fails after a minute. */
    private void awaitState(String url, String token, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = get(url, token).get("state").asText();
            if (seen.equals(state)) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("run never reached " + state + "; last " + seen);
    }

    private JsonNode get(String url, String token) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    private JsonNode post(String url, String token, String body, int expected) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
            String text = response.body().string();
            assertThat(response.code()).as(text).isEqualTo(expected);
            return JSON.readTree(text);
        }
    }
}
