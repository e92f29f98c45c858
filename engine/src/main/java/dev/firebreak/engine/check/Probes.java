package dev.firebreak.engine.check;

import dev.firebreak.engine.check.internal.CommandProbe;
import dev.firebreak.engine.check.internal.DiskSpaceProbe;
import dev.firebreak.engine.check.internal.HttpProbe;
import dev.firebreak.engine.check.internal.JdbcProbe;
import dev.firebreak.engine.check.internal.ProcessAliveProbe;
import dev.firebreak.engine.check.internal.ScriptedFlowProbe;
import dev.firebreak.engine.check.internal.TcpProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Creates the real probes. Every factory validates its arguments at once. */
public final class Probes {

    /** Bodies and command output are read up to this many bytes (64 KB) by default. */
    public static final int DEFAULT_MAX_READ_BYTES = 64 * 1024;

    private Probes() {
    }

    /** Shallow: HTTP GET answers with the expected status. */
    public static Probe httpStatus(String url, int expectedStatus) {
        return new HttpProbe(url, expectedStatus, Optional.empty(), DEFAULT_MAX_READ_BYTES);
    }

    /** Deep: HTTP GET answers with the expected status and a body containing the text (read up to maxBodyBytes). */
    public static Probe httpBody(String url, int expectedStatus, String expectedBodyText, int maxBodyBytes) {
        return new HttpProbe(url, expectedStatus, Optional.of(expectedBodyText), maxBodyBytes);
    }

    /** Shallow: a TCP connection opens. */
    public static Probe tcp(String host, int port) {
        return new TcpProbe(host, port);
    }

    /** Shallow: the process is alive. */
    public static Probe processAlive(long pid) {
        return ProcessAliveProbe.ofPid(pid);
    }

    /** Shallow: the process whose id the file holds is alive. */
    public static Probe processAlive(Path pidFile) {
        return ProcessAliveProbe.ofPidFile(pidFile);
    }

    /** Shallow resource limit: usable disk space under a path. */
    public static Probe diskSpace(Path path, long minUsableBytes) {
        return new DiskSpaceProbe(path, minUsableBytes);
    }

    /** Deep: {@code SELECT 1} over JDBC returns 1. */
    public static Probe jdbc(String url, String user, String password) {
        return new JdbcProbe(url, user, password, "SELECT 1");
    }

    /**
     * Deep: a command, given as an argument vector (program first), exits with the expected code and,
     * if given, prints the expected text.
     */
    public static Probe command(List<String> argv, int expectedExit, Optional<String> expectedOutputText) {
        return new CommandProbe(argv, expectedExit, expectedOutputText, DEFAULT_MAX_READ_BYTES);
    }

    /** Comprehensive: ordered steps, stopping at the first that fails. */
    public static Probe flow(String name, List<FlowStep> steps) {
        return new ScriptedFlowProbe(name, steps);
    }
}
