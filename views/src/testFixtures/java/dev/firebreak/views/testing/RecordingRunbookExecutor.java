package dev.firebreak.views.testing;

import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runbook screens' stand-in for the real executors: records the exact text of every invocation, streams two
 * lines of output for each (returned as the step's output too, as a real process's would be), and fails or holds the
 * invocations a test names by a fragment of their rendered text (an executor sees invocations, not step ids).
 */
public final class RecordingRunbookExecutor implements Executor {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** A held invocation: it has streamed its first line and waits until the test releases it. */
    public static final class Gate {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until the held invocation has streamed its first line. */
        public void awaitReached() {
            await(reached);
        }

        public void release() {
            released.countDown();
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the held invocation did not come within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public boolean handles(Invocation invocation) {
        return true;
    }

    @Override
    public Outcome run(Invocation invocation, OutputSink output) {
        String text = invocation.render();
        calls.add(text);
        List<String> lines = new ArrayList<>();
        lines.add("$ " + text);
        output.line(lines.getLast());
        Gate gate = matching(gates, text);
        if (gate != null) {
            gates.values().remove(gate);
            gate.reached.countDown();
            Gate.await(gate.released);
        }
        AtomicInteger failing = matching(failures, text);
        if (failing != null && failing.getAndDecrement() > 0) {
            lines.add("error: " + text + " refused by the target (exit 1)");
            output.line(lines.getLast());
            return Outcome.failed(1, String.join("\n", lines), "the target refused");
        }
        lines.add("ok: done in 0.4 s");
        output.line(lines.getLast());
        return Outcome.succeeded(String.join("\n", lines), "done");
    }

    private static <T> T matching(Map<String, T> byFragment, String text) {
        return byFragment.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The next {@code times} invocations whose rendered text contains {@code fragment} fail (exit 1). */
    public void failNext(String fragment, int times) {
        failures.put(fragment, new AtomicInteger(times));
    }

    /** The next invocation whose rendered text contains {@code fragment} streams a line, then waits for the test. */
    public Gate holdNext(String fragment) {
        Gate gate = new Gate();
        gates.put(fragment, gate);
        return gate;
    }

    /** The rendered text of every invocation so far, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** How many invocations' rendered text contains {@code fragment}. */
    public long callsOf(String fragment) {
        return calls.stream().filter(c -> c.contains(fragment)).count();
    }
}
