package dev.firebreak.engine.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Another console (in this process or another) already holds the data directory. */
public final class DataDirectoryInUseException extends StoreException {

    private final Path directory;
    private final OptionalLong holderPid;
    private final Optional<Instant> heldSince;

    public DataDirectoryInUseException(Path directory, OptionalLong holderPid, Optional<Instant> heldSince) {
        super(message(directory, holderPid, heldSince));
        this.directory = Objects.requireNonNull(directory, "directory");
        this.holderPid = Objects.requireNonNull(holderPid, "holderPid");
        this.heldSince = Objects.requireNonNull(heldSince, "heldSince");
    }

    private static String message(Path directory, OptionalLong pid, Optional<Instant> since) {
        String holder = (pid.isPresent() ? "pid " + pid.getAsLong() : "pid unknown")
                + since.map(at -> ", since " + at).orElse("");
        return "Another Firebreak console is already using " + directory + " (" + holder + "). Close it, or start this"
                + " one with --data-dir <other dir>.";
    }

    public Path directory() {
        return directory;
    }

    /** Process id of the holder, when its lock file could be read. */
    public OptionalLong holderPid() {
        return holderPid;
    }

    /** When the holder took the lock, when its lock file could be read. */
    public Optional<Instant> heldSince() {
        return heldSince;
    }
}
