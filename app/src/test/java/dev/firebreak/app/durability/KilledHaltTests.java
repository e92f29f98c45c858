package dev.firebreak.app.durability;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HALT on the real console, headless, over the API: pressed while a runbook run waits between steps, the run's
 * rollback runs and it ends; a new run is refused; after a SIGKILL and a restart on the same data directory HALT is
 * still latched, so a run scheduled by the command line is refused too.
 */
class KilledHaltTests {


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

        Process console = HeadlessConsole.start(dataDir, "--runbook", "halt-test", "--runbook-mode", "approval-only",
                "--runbook-environment", "staging", "--duration", "2h", "--speed", "1");
        try {
            HeadlessConsole.awaitLine(console, "started runbook halt-test");
            HeadlessConsole.awaitFileLines(calls, 1);
            HeadlessConsole.Api api = HeadlessConsole.Api.of(dataDir);
            long id = api.get("/executions").get("executions").get(0).get("id").asLong();
            api.awaitState(id, "waiting_for_approval");

            JsonNode halt = api.post("/halt", "{\"person\":\"ana\",\"reason\":\"game day went wrong\"}", 200);
            assertThat(halt.get("latched").asBoolean()).isTrue();

            api.awaitState(id, "rolled_back");
            assertThat(Files.readAllLines(calls)).containsExactly("first", "undo-first");
            JsonNode refused = api.post("/runbooks/halt-test/executions",
                    "{\"mode\":\"automatic\",\"environment\":\"staging\",\"startedBy\":\"bob\"}", 409);
            assertThat(refused.get("error").asText()).contains("HALT is on").contains("game day went wrong");
            api.post("/halt", "{\"person\":\"bob\",\"reason\":\"again\"}", 409);
        } finally {
            console.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(console.exitValue()).isEqualTo(137);

        Path report = dataDir.resolve("after.json");
        Process restarted = HeadlessConsole.start(dataDir, "--duration", "30s", "--report", report.toString(),
                "--runbook", "halt-test",
                "--runbook-environment", "staging", "--runbook-at", "10s");
        assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).isZero();

        JsonNode after = HeadlessConsole.JSON.readTree(report.toFile());
        assertThat(after.get("healing").get("halt").get("person").asText()).isEqualTo("ana");
        assertThat(after.get("healing").get("halt").get("reason").asText()).isEqualTo("game day went wrong");
        assertThat(after.get("runbookRefused").asText()).contains("HALT is on");
        assertThat(after.get("runbookRuns")).hasSize(1);
        assertThat(Files.readAllLines(calls)).containsExactly("first", "undo-first");
    }

}
