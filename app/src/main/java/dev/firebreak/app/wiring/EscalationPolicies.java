package dev.firebreak.app.wiring;

import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.engine.escalation.EscalationConfig;
import dev.firebreak.engine.escalation.EscalationConfigException;
import dev.firebreak.engine.escalation.EscalationConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the console and headless runs find their escalation policies and on-call rotations. */
public final class EscalationPolicies {

    /** The file in the data directory that replaces the shipped policies when present. */
    public static final String FILE_NAME = "escalation.yaml";

    private EscalationPolicies() {
    }

    /**
     * {@code --escalation FILE}, else {@code DATA_DIR/escalation.yaml} if present, else the policies shipped in
     * sample-data.
     *
     * @throws EscalationConfigException naming file, line and field
     */
    public static EscalationConfig load(LaunchOptions options) throws EscalationConfigException {
        if (options.escalationConfig().isPresent()) {
            return EscalationConfigLoader.load(options.escalationConfig().get());
        }
        Path inDataDir = options.dataDir().resolve(FILE_NAME);
        return Files.exists(inDataDir) ? EscalationConfigLoader.load(inDataDir) : EngineOptions.shippedEscalation();
    }
}
