package dev.firebreak.engine.executor.internal;

import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import java.util.List;
import java.util.Objects;

/** Runs each invocation on the first of its executors that handles it; refuses what none handles. */
public final class DispatchingExecutor implements Executor {

    private final List<Executor> executors;

    public DispatchingExecutor(List<Executor> executors) {
        this.executors = List.copyOf(Objects.requireNonNull(executors, "executors"));
    }

    @Override
    public boolean handles(Invocation invocation) {
        return executors.stream().anyMatch(executor -> executor.handles(invocation));
    }

    @Override
    public Outcome run(Invocation invocation, OutputSink output) {
        for (Executor executor : executors) {
            if (executor.handles(invocation)) {
                return executor.run(invocation, output);
            }
        }
        return Outcome.refused("no executor for " + invocation.getClass().getSimpleName().toLowerCase(
                java.util.Locale.ROOT) + " invocation " + invocation.render());
    }
}
