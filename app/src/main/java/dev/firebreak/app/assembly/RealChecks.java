package dev.firebreak.app.assembly;

import dev.firebreak.engine.check.CheckFileException;
import dev.firebreak.engine.check.CheckFileLoader;
import dev.firebreak.engine.check.HealthCheck;
import dev.firebreak.engine.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health checks against real endpoints, from the file given with {@code --checks} (or none). The file names
 * components of one topology: it is checked against the topology the run starts with (so a mistake stops the
 * start with a message naming file, line and field), and a session on another topology (the console's topology
 * switch) runs without it, saying so in the log.
 */
public final class RealChecks {

    private static final Logger LOG = LoggerFactory.getLogger(RealChecks.class);
    private static final RealChecks NONE = new RealChecks(Optional.empty());

    private final Optional<Path> file;

    private RealChecks(Optional<Path> file) {
        this.file = file;
    }

    public static RealChecks none() {
        return NONE;
    }

    /**
     * The checks of {@code file}, which must load for {@code topology}.
     *
     * @throws CheckFileException naming file, line and field of the first problem
     */
    public static RealChecks fromFile(Path file, Topology topology) throws CheckFileException {
        CheckFileLoader.load(Objects.requireNonNull(file, "file"), topology);
        return new RealChecks(Optional.of(file));
    }

    /** The file's checks for a session's topology; none if there is no file or it does not fit that topology. */
    public List<HealthCheck> forTopology(Topology topology) {
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            return CheckFileLoader.load(file.get(), topology);
        } catch (CheckFileException e) {
            LOG.warn("Real health checks of {} not used for topology {}: {}", file.get(), topology.name(), e.getMessage());
            return List.of();
        }
    }

    public Optional<Path> file() {
        return file;
    }
}
