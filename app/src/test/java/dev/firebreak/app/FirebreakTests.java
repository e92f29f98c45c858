package dev.firebreak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirebreakTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Firebreak.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--headless").contains("--inject SPEC");
    }

    @Test
    void badArgumentsExitWithTwoAndOneLineSayingWhy() {
        assertThat(run("--seed", "x")).isEqualTo(2);
        assertThat(errors()).startsWith("firebreak: --seed must be a whole number").doesNotContain("Exception");
    }

    @Test
    void brokenTopologyFileIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: broken\ncomponents:\n  - id: a\n    kind: service\n    tier: 0\n    team: t\n    capacity: 10\ndependencies:\n  - from: a\n    to: b\n");

        assertThat(run("--headless", "--duration", "1m", "--topology", file.toString())).isEqualTo(2);

        assertThat(errors()).contains("broken.yaml:10").contains("unknown component 'b'");
    }

    @Test
    void checksFileNamingAnUnknownComponentIsRefusedWithFileLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(file, "checks:\n  - component: paymnts\n    tcp: localhost:5432\n");

        assertThat(run("--headless", "--duration", "1m", "--checks", file.toString())).isEqualTo(2);

        assertThat(errors()).isEqualTo("firebreak: checks.yaml:2: checks[0].component: unknown component 'paymnts' in"
                + " topology shop" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("simulated");
    }

    @Test
    void helpDescribesTheChecksFile() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--checks FILE").contains("checks/example.yaml");
    }

    @Test
    void unknownFaultTargetIsRefusedBeforeRunning() {
        assertThat(run("--headless", "--duration", "1h", "--inject", "latency:nowhere")).isEqualTo(2);
        assertThat(errors()).contains("nowhere");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("simulated");
    }
}
