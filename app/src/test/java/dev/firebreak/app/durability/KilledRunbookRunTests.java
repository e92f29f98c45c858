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
 * The real console, headless, running a runbook on a real child process: killed with SIGKILL in the middle of a step
 * and restarted on the same data directory, it shows the run interrupted at that step, the earlier step and its
 * approval intact, and nothing ran twice (the stand-in program counts its invocations).
 */
class KilledRunbookRunTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    @Test
    void runKilledMidStepComesBackInterruptedThereWithEarlierStepsIntactAndNothingRunTwice(@TempDir Path dataDir)
            throws Exception {
        Path calls = dataDir.resolve("calls.log");
        Path standIn = dataDir.resolve("stand-in");
        // Records each invocation, then the "second" call hangs so the kill lands mid-step.
        Files.writeString(standIn, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$2\"\nif [ \"$1\" = second ]; then sleep 600; fi\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dataDir.resolve("runbooks"));
        Files.writeString(dataDir.resolve("runbooks/kill-test.yaml"), """
                id: kill-test
                title: Three steps, the second hangs
                environments: [staging]
                steps:
                  - id: first
                    type: command
                    command: ["%1$s", first, "%2$s"]
                    approval: true
                  - id: second
                    type: command
                    command: ["%1$s", second, "%2$s"]
                    timeout: 30m
                  - id: third
                    type: command
                    command: ["%1$s", third, "%2$s"]
                """.formatted(standIn, calls));

        String approvedHash;
        Process console = start(dataDir, "--runbook", "kill-test", "--runbook-mode", "approval-only",
                "--runbook-environment", "staging", "--duration", "2h", "--speed", "1");
        try {
            awaitLine(console, "started runbook kill-test");
            String base = "http://127.0.0.1:" + Files.readString(dataDir.resolve("api.port")).strip();
            String token = Files.readString(dataDir.resolve("api-token")).strip();
            JsonNode run = get(base + "/api/v1/executions", token).get("executions").get(0);
            assertThat(run.get("state").asText()).isEqualTo("waiting_for_approval");
            approvedHash = run.get("steps").get(0).get("hash").asText();
            post(base + "/api/v1/executions/" + run.get("id").asLong() + "/steps/first/approve", token,
                    "{\"person\":\"bob\",\"hash\":\"" + approvedHash + "\"}");
            awaitFileLines(calls, 2);
        } finally {
            List<ProcessHandle> children = console.descendants().toList();
            console.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            children.forEach(ProcessHandle::destroyForcibly); // the hanging stand-in, orphaned by the kill
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(console.exitValue()).isEqualTo(137);

        Path report = dataDir.resolve("after.json");
        Process restarted = start(dataDir, "--duration", "5s", "--report", report.toString());
        assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).as(new String(restarted.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        JsonNode found = JSON.readTree(report.toFile()).get("runbookRuns").get(0);
        assertThat(found.get("runbook").asText()).isEqualTo("kill-test");
        assertThat(found.get("state").asText()).isEqualTo("INTERRUPTED");
        JsonNode steps = found.get("steps");
        assertThat(steps.get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(0).get("approvals").get(0).get("person").asText()).isEqualTo("bob");
        assertThat(steps.get(0).get("approvals").get(0).get("hash").asText()).isEqualTo(approvedHash);
        assertThat(steps.get(1).get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(steps.get(1).get("message").asText()).isEqualTo("outcome unknown");
        assertThat(steps.get(2).get("state").asText()).isEqualTo("PENDING");
        assertThat(Files.readAllLines(calls)).containsExactly("first", "second");
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

    /** Waits for a real child process to have written {@code count} lines; fails after a minute. */
    private static void awaitFileLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(file) || Files.readAllLines(file).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " never reached " + count + " lines");
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private JsonNode get(String url, String token) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    private void post(String url, String token, String body) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
            assertThat(response.code()).as(response.body().string()).isEqualTo(200);
        }
    }
}
