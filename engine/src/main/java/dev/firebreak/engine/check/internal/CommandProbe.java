package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command given as an argument vector (never through a shell, so no value is ever interpreted
 * as shell syntax), expecting an exit code and optionally a text in its output (stdout and stderr
 * merged). Output beyond {@code maxOutputBytes} is drained and dropped so the child never blocks on a
 * full pipe. A command that outlives the timeout is killed, with its descendants.
 */
public final class CommandProbe implements Probe {

    private final List<String> command;
    private final int expectedExit;
    private final Optional<String> expectedOutputText;
    private final int maxOutputBytes;

    public CommandProbe(List<String> command, int expectedExit, Optional<String> expectedOutputText, int maxOutputBytes) {
        this.command = List.copyOf(command);
        this.expectedOutputText = Objects.requireNonNull(expectedOutputText, "expectedOutputText");
        if (this.command.isEmpty() || this.command.getFirst().isBlank()) {
            throw new IllegalArgumentException("a command needs a program as its first argument");
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be positive, was " + maxOutputBytes);
        }
        this.expectedExit = expectedExit;
        this.maxOutputBytes = maxOutputBytes;
    }

    @Override
    public String description() {
        return "command " + command + " exits " + expectedExit
                + expectedOutputText.map(text -> " printing '" + text + "'").orElse("");
    }

    @Override
    public ProbeResult run(Duration timeout) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return ProbeResult.fail("command " + command + ": could not start: " + e.getMessage(), Deadline.since(start));
        }
        closeInput(process);
        BoundedReader output = new BoundedReader(process.getInputStream(), maxOutputBytes);
        Thread reader = Thread.ofVirtual().name("firebreak-probe-output").start(output);
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                return ProbeResult.timeout("command " + command + ": still running after " + timeout.toMillis()
                        + " ms; killed", Deadline.since(start));
            }
            reader.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return ProbeResult.timeout("command " + command + ": interrupted; killed", Deadline.since(start));
        }
        String text = output.text();
        int exit = process.exitValue();
        if (exit != expectedExit) {
            return ProbeResult.fail("command " + command + ": expected exit code " + expectedExit + ", got " + exit
                    + outputNote(text), Deadline.since(start));
        }
        if (expectedOutputText.isPresent() && !text.contains(expectedOutputText.get())) {
            return ProbeResult.fail("command " + command + ": expected output containing '" + expectedOutputText.get()
                    + "', got '" + abbreviate(text) + "'", Deadline.since(start));
        }
        return ProbeResult.pass("command " + command + ": exit " + exit, Deadline.since(start));
    }

    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the child may already have exited; it gets no input either way
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String outputNote(String text) {
        return text.isBlank() ? "" : " (output: '" + abbreviate(text) + "')";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    /** Keeps the first bytes of a stream and drains the rest. */
    private static final class BoundedReader implements Runnable {
        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        BoundedReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = max - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, read));
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed or closed its output: what was read is what there is
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
