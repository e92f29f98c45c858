package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** A basic resource limit: the file system holding a path has at least some usable space. */
public final class DiskSpaceProbe implements Probe {

    private final Path path;
    private final long minUsableBytes;

    public DiskSpaceProbe(Path path, long minUsableBytes) {
        this.path = Objects.requireNonNull(path, "path");
        if (minUsableBytes < 0) {
            throw new IllegalArgumentException("minUsableBytes must not be negative, was " + minUsableBytes);
        }
        this.minUsableBytes = minUsableBytes;
    }

    @Override
    public String description() {
        return "at least " + minUsableBytes + " bytes usable under " + path;
    }

    @Override
    public ProbeResult run(Duration timeout) {
        // a hung network mount must not hang the scheduler
        return Deadline.run(this::check, timeout, "disk space under " + path);
    }

    private ProbeResult check() throws IOException {
        long start = System.nanoTime();
        long usable = Files.getFileStore(path).getUsableSpace();
        if (usable < minUsableBytes) {
            return ProbeResult.fail("disk under " + path + ": expected at least " + minUsableBytes + " bytes usable, got "
                    + usable, Deadline.since(start));
        }
        return ProbeResult.pass("disk under " + path + ": " + usable + " bytes usable", Deadline.since(start));
    }
}
