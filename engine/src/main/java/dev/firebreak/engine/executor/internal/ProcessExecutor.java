package dev.firebreak.engine.executor.internal;

import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import dev.firebreak.engine.executor.ProcessPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child from its argument vector, never through a shell: every element reaches the program as one literal
 * argument, whatever quotes, semicolons or dollar signs it holds. The child's environment is built from nothing
 * (the policy's allow-list, then the invocation's own variables); stdin is closed; stdout and stderr are merged and
 * streamed; a child that outlives its timeout is killed with everything it started.
 */
public final class ProcessExecutor implements Executor {

    /**
     * How long the reader may take to finish once the child has exited. A background grandchild can hold the pipe
     * open; the JDK drains and closes it when the child exits, but the call must not depend on that.
     */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final ProcessPolicy policy;

    public ProcessExecutor(ProcessPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public boolean handles(Invocation invocation) {
        return invocation instanceof Invocation.Process;
    }

    @Override
    public Outcome run(Invocation invocation, OutputSink output) {
        if (!(invocation instanceof Invocation.Process process)) {
            return Outcome.refused("the process executor runs processes, not: " + invocation.render());
        }
        return run(process, output);
    }

    /** Runs one process; messages name the program as the invocation gave it, not its resolved path. */
    Outcome run(Invocation.Process invocation, OutputSink output) {
        Objects.requireNonNull(output, "output");
        String program = invocation.argv().getFirst();
        Path directory = invocation.workingDirectory().orElse(Path.of("").toAbsolutePath());
        if (invocation.workingDirectory().isPresent() && !Files.isDirectory(directory)) {
            return Outcome.refused("working directory " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist") + "; '" + program
                    + "' was not started");
        }
        Map<String, String> environment = new LinkedHashMap<>(policy.parentEnvironment());
        for (var entry : invocation.environment().entrySet()) {
            String problem = environmentProblem(entry.getKey(), entry.getValue());
            if (problem != null) {
                return Outcome.refused(problem + "; '" + program + "' was not started");
            }
            environment.put(entry.getKey(), entry.getValue());
        }
        List<String> argv = new ArrayList<>(invocation.argv());
        switch (ProgramLocator.locate(program, environment.get("PATH"), directory)) {
            case ProgramLocator.Located.Missing(String reason) -> {
                return Outcome.refused(reason + "; nothing was started");
            }
            case ProgramLocator.Located.Found(String path) -> argv.set(0, path);
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        invocation.workingDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return start(builder, program, invocation, output);
    }

    private static Outcome start(ProcessBuilder builder, String program, Invocation.Process invocation,
            OutputSink output) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Outcome.failed(-1, "", "'" + program + "' could not be started: " + e.getMessage());
        }
        closeInput(process);
        OutputCapture capture = new OutputCapture(process.getInputStream(), invocation.outputLimitBytes(), output);
        // a platform daemon: a reader left behind on a pipe some orphan holds open must not pin a carrier or the JVM
        Thread reader = Thread.ofPlatform().daemon().name("firebreak-executor-output-" + process.pid())
                .start(capture);
        Duration timeout = invocation.timeout();
        try {
            if (!process.waitFor(Durations.nanos(timeout), TimeUnit.NANOSECONDS)) {
                int descendants = ProcessTree.kill(process);
                reader.join(OUTPUT_GRACE);
                capture.detach();
                return new Outcome(Outcome.Status.TIMED_OUT, -1, capture.text(), capture.truncated(),
                        "'" + program + "' was still running when its timeout of " + Durations.describe(timeout)
                                + " passed; killed it" + (descendants > 0 ? " and " + descendants
                                + (descendants == 1 ? " process" : " processes") + " it started" : "")
                                + sinkNote(capture));
            }
            reader.join(OUTPUT_GRACE);
            capture.detach();
        } catch (InterruptedException e) {
            capture.detach();
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Status.FAILED, -1, capture.text(), capture.truncated(),
                    "'" + program + "' was interrupted before it finished; killed it" + sinkNote(capture));
        }
        int exit = process.exitValue();
        String note = (reader.isAlive() ? "; output may be incomplete: a process it started still holds it open"
                : "") + sinkNote(capture);
        Outcome.Status status = exit == 0 ? Outcome.Status.SUCCEEDED : Outcome.Status.FAILED;
        String message = exit == 0 ? "'" + program + "' exited with code 0" + note
                : "'" + program + "' failed with exit code " + exit + note;
        return new Outcome(status, exit, capture.text(), capture.truncated(), message);
    }

    /** Why a variable cannot be set, or null: the JDK would throw on these, and no exception may escape. */
    private static String environmentProblem(String name, String value) {
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            return "environment variable name '" + name + "' is not allowed";
        }
        if (value.indexOf('\0') >= 0) {
            return "environment variable " + name + " holds a NUL character";
        }
        return null;
    }

    private static String sinkNote(OutputCapture capture) {
        RuntimeException failure = capture.sinkFailure();
        return failure == null ? "" : "; the output display failed and stopped receiving lines: " + failure;
    }

    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the child may already have exited; it gets no input either way
        }
    }
}
