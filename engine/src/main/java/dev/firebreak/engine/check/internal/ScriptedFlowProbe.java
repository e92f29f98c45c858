package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.FlowStep;
import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.ProbeOutcome;
import dev.firebreak.engine.check.ProbeResult;
import java.time.Duration;
import java.util.List;

/**
 * A comprehensive check: ordered steps, each a probe with its expectation, sharing one time budget;
 * the flow stops at the first step that does not pass and reports which step it was.
 */
public final class ScriptedFlowProbe implements Probe {

    private final String name;
    private final List<FlowStep> steps;

    public ScriptedFlowProbe(String name, List<FlowStep> steps) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.steps = List.copyOf(steps);
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("flow '" + name + "' needs at least one step");
        }
    }

    @Override
    public String description() {
        return "flow '" + name + "': " + steps.stream().map(FlowStep::name).toList();
    }

    @Override
    public ProbeResult run(Duration timeout) {
        long start = System.nanoTime();
        for (int i = 0; i < steps.size(); i++) {
            FlowStep step = steps.get(i);
            Duration left = timeout.minus(Deadline.since(start));
            String where = "flow '" + name + "' step " + (i + 1) + " of " + steps.size() + " '" + step.name() + "'";
            if (left.isNegative() || left.isZero()) {
                return ProbeResult.timeout(where + ": time budget of " + timeout.toMillis() + " ms spent before it ran",
                        Deadline.since(start));
            }
            ProbeResult result = step.probe().run(left);
            if (result.outcome() != ProbeOutcome.PASS) {
                return new ProbeResult(result.outcome(), where + " failed: " + result.message(), Deadline.since(start));
            }
        }
        return ProbeResult.pass("flow '" + name + "': all " + steps.size() + " steps passed", Deadline.since(start));
    }
}
