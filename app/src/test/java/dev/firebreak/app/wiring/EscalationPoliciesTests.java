package dev.firebreak.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.cli.CommandLine;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.engine.escalation.EscalationConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console and headless runs take their escalation policies from the command line, the data directory, or the shipped file. */
class EscalationPoliciesTests {

    @TempDir
    Path dataDir;

    private LaunchOptions options(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--data-dir";
        args[1] = dataDir.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CommandLine.parse(args, Map.of());
    }

    /** The shipped policies with the customer-report threshold changed, so each source can be told apart. */
    private Path policiesWithCustomerReports(Path file, Object reports) throws IOException {
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(EngineOptions.SHIPPED_ESCALATION)) {
            String yaml = new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("customerReports: 10", "customerReports: " + reports);
            return Files.writeString(file, yaml);
        }
    }

    @Test
    void withoutAFileTheShippedPoliciesApply() throws Exception {
        assertThat(EscalationPolicies.load(options()).customerReports()).isEqualTo(10);
    }

    @Test
    void aFileInTheDataDirectoryReplacesTheShippedPolicies() throws Exception {
        policiesWithCustomerReports(dataDir.resolve(EscalationPolicies.FILE_NAME), 25);

        assertThat(EscalationPolicies.load(options()).customerReports()).isEqualTo(25);
    }

    @Test
    void theCommandLineFileWinsOverTheDataDirectory() throws Exception {
        policiesWithCustomerReports(dataDir.resolve(EscalationPolicies.FILE_NAME), 25);
        Path given = policiesWithCustomerReports(dataDir.resolve("oncall.yaml"), 3);

        assertThat(EscalationPolicies.load(options("--escalation", given.toString())).customerReports()).isEqualTo(3);
    }

    @Test
    void aMalformedFileInTheDataDirectoryIsNamedNotSkipped() throws Exception {
        policiesWithCustomerReports(dataDir.resolve(EscalationPolicies.FILE_NAME), "many");

        assertThatThrownBy(() -> EscalationPolicies.load(options())).isInstanceOf(EscalationConfigException.class)
                .hasMessageContaining(EscalationPolicies.FILE_NAME).hasMessageContaining("customerReports");
    }
}
