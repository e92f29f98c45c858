package dev.firebreak.engine.executor.internal;

import dev.firebreak.engine.action.ActionExecutor;
import dev.firebreak.engine.action.ActionResult;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import java.util.Objects;

/** Carries out a remediation action through an {@link ActionExecutor}: applied succeeds, refused is refused. */
public final class SimulatorExecutor implements Executor {

    private final ActionExecutor actions;

    public SimulatorExecutor(ActionExecutor actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    @Override
    public boolean handles(Invocation invocation) {
        return invocation instanceof Invocation.Simulator;
    }

    @Override
    public Outcome run(Invocation invocation, OutputSink output) {
        if (!(invocation instanceof Invocation.Simulator simulator)) {
            return Outcome.refused("the simulator executor carries out actions, not: " + invocation.render());
        }
        Objects.requireNonNull(output, "output");
        String action = simulator.action().describe();
        ActionResult result;
        try {
            result = actions.execute(simulator.action());
        } catch (RuntimeException e) {
            // an executor reports, it does not throw: a broken action executor is this step's failure
            return Outcome.failed(-1, "", action + ": failed: " + e);
        }
        if (!result.applied()) {
            return Outcome.refused(action + ": refused: " + result.message());
        }
        try {
            output.line(result.message());
        } catch (RuntimeException e) {
            // the action is applied whatever the display does
        }
        return Outcome.succeeded(result.message(), action + ": applied");
    }
}
