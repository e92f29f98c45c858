package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.check.internal.JdbcProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAndProcessProbeTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void jdbcSelectOnePassesAgainstALiveH2Server() throws SQLException {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:health";

            ProbeResult result = Probes.jdbc(url, "sa", "").run(TIMEOUT);

            assertThat(result.outcome()).as(result.message()).isEqualTo(ProbeOutcome.PASS);
        } finally {
            h2.stop();
        }
    }

    @Test
    void jdbcQueryReturningSomethingElseNamesIt() throws SQLException {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:health";

            ProbeResult result = new JdbcProbe(url, "sa", "", "SELECT 2").run(TIMEOUT);

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
            assertThat(result.message()).contains("expected SELECT 2 to return 1, got 2");
        } finally {
            h2.stop();
        }
    }

    @Test
    void jdbcAgainstAServerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> acceptAndHold(silent));
            String url = "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/mem:health";

            ProbeResult result = Probes.jdbc(url, "sa", "").run(Duration.ofMillis(500));

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        }
    }

    private static void acceptAndHold(ServerSocket socket) {
        try (Socket client = socket.accept()) {
            client.getInputStream().readAllBytes();
        } catch (IOException e) {
            // closed by the test
        }
    }

    @Test
    void commandExitCodeMismatchIsAFailureNamingBoth() {
        ProbeResult result = Probes.command(List.of("/bin/sh", "-c", "exit 3"), 0, Optional.empty()).run(TIMEOUT);

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("expected exit code 0, got 3");
    }

    @Test
    void commandWithExpectedExitAndOutputPasses() {
        String java = ProcessHandle.current().info().command().orElse("java");

        ProbeResult result = Probes.command(List.of(java, "-version"), 0, Optional.of("version")).run(Duration.ofSeconds(20));

        assertThat(result.outcome()).as(result.message()).isEqualTo(ProbeOutcome.PASS);
    }

    @Test
    void argumentsAreNeverInterpretedByAShell(@TempDir Path dir) {
        Path marker = dir.resolve("marker");
        String hostile = "$(touch " + marker + ")";

        ProbeResult result = Probes.command(List.of("/bin/echo", hostile), 0, Optional.of(hostile)).run(TIMEOUT);

        assertThat(result.outcome()).as(result.message()).isEqualTo(ProbeOutcome.PASS);
        assertThat(marker).doesNotExist();
    }

    @Test
    void commandThatOutlivesItsTimeoutIsKilledAndTimesOut() {
        ProbeResult result = Probes.command(List.of("/bin/sleep", "30"), 0, Optional.empty()).run(Duration.ofMillis(300));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(result.message()).contains("killed");
    }

    @Test
    void emptyCommandIsRejected() {
        assertThatThrownBy(() -> Probes.command(List.of(), 0, Optional.empty()))
                .hasMessageContaining("needs a program");
    }

    @Test
    void processAliveFollowsThePidFile(@TempDir Path dir) throws IOException, InterruptedException {
        Path pidFile = dir.resolve("app.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        Probe probe = Probes.processAlive(pidFile);

        ProbeResult alive = probe.run(TIMEOUT);
        Process finished = new ProcessBuilder("/bin/true").start();
        finished.waitFor();
        Files.writeString(pidFile, Long.toString(finished.pid()));
        ProbeResult dead = probe.run(TIMEOUT);
        Files.writeString(pidFile, "not-a-pid");
        ProbeResult garbage = probe.run(TIMEOUT);

        assertThat(alive.outcome()).isEqualTo(ProbeOutcome.PASS);
        assertThat(dead.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(garbage.message()).contains("expected a process id");
    }

    @Test
    void diskSpaceFailsWhenMoreIsRequiredThanExists(@TempDir Path dir) {
        assertThat(Probes.diskSpace(dir, 0).run(TIMEOUT).outcome()).isEqualTo(ProbeOutcome.PASS);
        assertThat(Probes.diskSpace(dir, Long.MAX_VALUE).run(TIMEOUT).message()).contains("expected at least");
    }

    @Test
    void flowStopsAtTheFirstFailingStepAndNamesIt() {
        AtomicInteger thirdRuns = new AtomicInteger();
        Probe third = new Probe() {
            @Override
            public ProbeResult run(Duration timeout) {
                thirdRuns.incrementAndGet();
                return ProbeResult.pass("ran", Duration.ZERO);
            }

            @Override
            public String description() {
                return "counts its runs";
            }
        };
        Probe flow = Probes.flow("checkout", List.of(
                new FlowStep("shell is there", Probes.command(List.of("/bin/sh", "-c", "exit 0"), 0, Optional.empty())),
                new FlowStep("pay", Probes.command(List.of("/bin/sh", "-c", "exit 1"), 0, Optional.empty())),
                new FlowStep("confirm", third)));

        ProbeResult result = flow.run(TIMEOUT);

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("step 2 of 3 'pay' failed").contains("expected exit code 0, got 1");
        assertThat(thirdRuns).hasValue(0);
    }
}
