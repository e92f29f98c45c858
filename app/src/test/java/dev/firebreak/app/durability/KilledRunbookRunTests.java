package dev.firebreak.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real console, headless, running a runbook on a real child process: killed with SIGKILL in the middle of a step
 * and restarted on the same data directory, it shows the run interrupted at that step, the earlier step and its
 * approval intact, and nothing ran twice (the stand-in program counts its invocations).
 */
class KilledRunbookRunTests {


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
        Process console = HeadlessConsole.start(dataDir, "--runbook", "kill-test", "--runbook-mode", "approval-only",
                "--runbook-environment", "staging", "--duration", "2h", "--speed", "1");
        try {
            HeadlessConsole.awaitLine(console, "started runbook kill-test");
            HeadlessConsole.Api api = HeadlessConsole.Api.of(dataDir);
            JsonNode run = api.get("/executions").get("executions").get(0);
            assertThat(run.get("state").asText()).isEqualTo("waiting_for_approval");
            approvedHash = run.get("steps").get(0).get("hash").asText();
            api.post("/executions/" + run.get("id").asLong() + "/steps/first/approve",
                    "{\"person\":\"bob\",\"hash\":\"" + approvedHash + "\"}", 200);
            HeadlessConsole.awaitFileLines(calls, 2);
        } finally {
            List<ProcessHandle> children = console.descendants().toList();
            console.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            children.forEach(ProcessHandle::destroyForcibly); // the hanging stand-in, orphaned by the kill
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(console.exitValue()).isEqualTo(137);

        Path report = dataDir.resolve("after.json");
        Process restarted = HeadlessConsole.start(dataDir, "--duration", "5s", "--report", report.toString());
        assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).as(new String(restarted.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        JsonNode found = HeadlessConsole.JSON.readTree(report.toFile()).get("runbookRuns").get(0);
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

}
