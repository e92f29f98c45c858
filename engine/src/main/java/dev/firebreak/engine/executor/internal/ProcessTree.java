package dev.firebreak.engine.executor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Kills a child and everything it started. */
final class ProcessTree {

    /** How long to wait for killed processes to be gone before reporting anyway. */
    private static final Duration REAP_WAIT = Duration.ofSeconds(2);

    private ProcessTree() {
    }

    /**
     * Descendants first: once the child dies its orphans are re-parented and no longer found under it. A second
     * look catches what was forked while the first list was being killed. Returns how many descendants were killed,
     * once they have stopped running (or {@link #REAP_WAIT} has passed).
     */
    static int kill(Process process) {
        Set<ProcessHandle> killed = new LinkedHashSet<>();
        for (int look = 0; look < 2; look++) {
            process.descendants().filter(killed::add).forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        awaitStopped(process, killed);
        return killed.size();
    }

    private static void awaitStopped(Process process, Set<ProcessHandle> descendants) {
        long deadline = System.nanoTime() + REAP_WAIT.toNanos();
        try {
            process.waitFor(REAP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            // Polled rather than onExit(): for a process that is not our child that polls slowly, and counts a
            // zombie (killed, waiting for its new parent to reap it) as alive.
            while (descendants.stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Alive and not a zombie. Zombies show only on Linux's /proc; elsewhere alive is the best answer there is. */
    private static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int afterName = stat.lastIndexOf(')') + 2; // the name, in parentheses, may itself hold spaces
            char state = afterName < stat.length() ? stat.charAt(afterName) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return handle.isAlive();
        }
    }
}
