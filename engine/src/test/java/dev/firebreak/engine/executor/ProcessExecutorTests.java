package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessExecutorTests {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final Executor executor = Scripts.executor();

    private Outcome run(List<String> argv, Duration timeout, int limit) {
        return executor.run(Scripts.process(argv, timeout, limit), OutputSink.NONE);
    }

    @Test
    void exitZeroSucceedsWithTheOutput() {
        Path script = Scripts.write(dir, "ok", "echo fine\n");

        Outcome outcome = run(List.of(script.toString()), GENEROUS, 1024);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).isEqualTo("fine\n");
        assertThat(outcome.truncated()).isFalse();
    }

    @Test
    void nonZeroExitFailsWithTheCodeInTheMessage() {
        Path script = Scripts.write(dir, "fails", "echo broken >&2\nexit 3\n");

        Outcome outcome = run(List.of(script.toString()), GENEROUS, 1024);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).contains("exit code 3");
        assertThat(outcome.output()).as("stderr is merged into the output").isEqualTo("broken\n");
    }

    @Test
    void timeoutKillsTheChildAndWhatItStarted() throws IOException {
        Path pids = dir.resolve("pids");
        Path script = Scripts.write(dir, "hangs", """
                sleep 30 &
                echo "$$ $!" > "$1"
                sleep 30
                """);
        long start = System.nanoTime();

        Outcome outcome = run(List.of(script.toString(), pids.toString()), Duration.ofMillis(500), 1024);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome.status()).isEqualTo(Outcome.Status.TIMED_OUT);
        assertThat(outcome.message()).contains("500 ms");
        String[] written = Files.readString(pids).strip().split(" ");
        long shell = Long.parseLong(written[0]);
        long background = Long.parseLong(written[1]);
        assertThat(running(shell)).as("the child %d", shell).isFalse();
        assertThat(running(background)).as("the background sleep %d it started", background).isFalse();
    }

    @Test
    void aBackgroundProcessHoldingTheOutputOpenDoesNotHangTheCall() throws IOException {
        Path pid = dir.resolve("pid");
        Path script = Scripts.write(dir, "detaches", """
                sleep 30 &
                echo $! > "$1"
                echo started
                """);
        long start = System.nanoTime();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Outcome outcome = executor.run(Scripts.process(List.of(script.toString(), pid.toString()), GENEROUS, 1024),
                lines::add);

        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.output()).isEqualTo("started\n");
        assertThat(lines).containsExactly("started");
    }

    @Test
    void outputBeyondTheLimitIsCutAndTheChildStillFinishes() {
        // seq prints about 1.3 MB: were it not drained it would block on the full pipe until the timeout
        Outcome outcome = run(List.of("/usr/bin/seq", "1", "200000"), GENEROUS, 1000);

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.output()).hasSizeLessThanOrEqualTo(1000).startsWith("1\n2\n3\n");
    }

    @Test
    void outputWithinTheLimitIsNotMarkedTruncated() {
        Outcome outcome = run(List.of("/usr/bin/seq", "1", "3"), GENEROUS, 6);

        assertThat(outcome.output()).isEqualTo("1\n2\n3\n");
        assertThat(outcome.truncated()).isFalse();
    }

    @Test
    void sinkReceivesLinesInOrderWhileTheChildRuns() {
        // The child waits for the sink to have seen "first": a sink fed only after exit would time out.
        Path seen = dir.resolve("seen");
        Path script = Scripts.write(dir, "talks", """
                echo first
                while [ ! -e "$1" ]; do sleep 0.02; done
                echo second
                echo third
                """);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Outcome outcome = executor.run(Scripts.process(List.of(script.toString(), seen.toString()), GENEROUS, 1024),
                line -> {
                    lines.add(line);
                    if (line.equals("first")) {
                        touch(seen);
                    }
                });

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(lines).containsExactly("first", "second", "third");
    }

    @Test
    void aFailingSinkDoesNotStopTheChild() {
        Outcome outcome = executor.run(Scripts.process(List.of("/usr/bin/seq", "1", "50000"), GENEROUS, 100),
                line -> {
                    throw new IllegalStateException("screen gone");
                });

        assertThat(outcome.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.message()).contains("screen gone");
    }

    @Test
    void missingProgramIsRefusedNamingIt() {
        Outcome outcome = run(List.of("firebreak-no-such-program", "--flag"), GENEROUS, 1024);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("firebreak-no-such-program").contains("not found");
    }

    @Test
    void missingProgramPathIsRefusedNamingIt() {
        String missing = dir.resolve("absent").toString();

        Outcome outcome = run(List.of(missing), GENEROUS, 1024);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains(missing);
    }

    @Test
    void missingWorkingDirectoryIsRefusedNamingIt() {
        Path gone = dir.resolve("gone");

        Outcome outcome = executor.run(new Invocation.Process(List.of("/usr/bin/env"), Optional.of(gone), Map.of(),
                GENEROUS, 1024), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains(gone.toString()).contains("does not exist");
    }

    @Test
    void childRunsInTheGivenWorkingDirectory() {
        Outcome outcome = executor.run(new Invocation.Process(List.of("/bin/pwd"), Optional.of(dir), Map.of(),
                GENEROUS, 1024), OutputSink.NONE);

        assertThat(outcome.output().strip()).isEqualTo(dir.toString());
    }

    @Test
    void aBareProgramNameIsFoundOnTheChildsPathNotTheConsoles() {
        Path bin = dir.resolve("bin");
        mkdir(bin);
        Scripts.write(bin, "firebreak-only-here", "echo found me\n");
        Executor onChildPath = Executors.process(new ProcessPolicy(Set.of("PATH"),
                Map.of("PATH", "relative/ignored:" + bin + ":/usr/bin:/bin")));

        Outcome outcome = onChildPath.run(Scripts.process(List.of("firebreak-only-here"), GENEROUS, 1024),
                OutputSink.NONE);

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.output()).isEqualTo("found me\n");
    }

    @Test
    void aChildWithoutPathCannotRunABareName() {
        Outcome outcome = Executors.process(new ProcessPolicy(Set.of(), Map.of())).run(
                Scripts.process(List.of("env"), GENEROUS, 1024), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("'env'").contains("no PATH");
    }

    @Test
    void otherInvocationsAreNotHandled() {
        Invocation http = new Invocation.Http("GET", "http://localhost/", Map.of(), "", 200, "", GENEROUS);

        assertThat(executor.handles(http)).isFalse();
        assertThat(executor.run(http, OutputSink.NONE).status()).isEqualTo(Outcome.Status.REFUSED);
    }

    /** Alive and not a zombie: a killed process its new parent has not reaped yet runs nothing. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(stat)) {
            try {
                String text = Files.readString(stat);
                char state = text.charAt(text.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (java.nio.file.NoSuchFileException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdir(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
