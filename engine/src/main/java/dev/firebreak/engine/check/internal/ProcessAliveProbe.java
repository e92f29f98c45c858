package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A process is alive: by pid, or by the pid written in a pid file (read fresh at every run). */
public final class ProcessAliveProbe implements Probe {

    private final Optional<Long> pid;
    private final Optional<Path> pidFile;

    private ProcessAliveProbe(Optional<Long> pid, Optional<Path> pidFile) {
        this.pid = pid;
        this.pidFile = pidFile;
    }

    public static ProcessAliveProbe ofPid(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        return new ProcessAliveProbe(Optional.of(pid), Optional.empty());
    }

    public static ProcessAliveProbe ofPidFile(Path pidFile) {
        return new ProcessAliveProbe(Optional.empty(), Optional.of(Objects.requireNonNull(pidFile, "pidFile")));
    }

    @Override
    public String description() {
        return pid.map(p -> "process " + p + " alive").orElseGet(() -> "process in " + pidFile.orElseThrow() + " alive");
    }

    @Override
    public ProbeResult run(Duration timeout) {
        long start = System.nanoTime();
        long target;
        if (pid.isPresent()) {
            target = pid.get();
        } else {
            Path file = pidFile.orElseThrow();
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                target = Long.parseLong(text);
            } catch (IOException e) {
                return ProbeResult.fail("pid file " + file + ": cannot read: " + e.getMessage(), Deadline.since(start));
            } catch (NumberFormatException e) {
                return ProbeResult.fail("pid file " + file + ": expected a process id, got '" + e.getMessage() + "'",
                        Deadline.since(start));
            }
        }
        boolean alive = ProcessHandle.of(target).map(ProcessHandle::isAlive).orElse(false);
        return alive ? ProbeResult.pass("process " + target + " is alive", Deadline.since(start))
                : ProbeResult.fail("process " + target + ": expected alive, is not running", Deadline.since(start));
    }
}
