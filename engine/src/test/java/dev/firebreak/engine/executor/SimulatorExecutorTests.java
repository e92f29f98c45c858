package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.action.ActionResult;
import dev.firebreak.engine.action.RemediationAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorExecutorTests {

    private final List<RemediationAction> received = new ArrayList<>();

    @Test
    void anAppliedActionSucceedsWithTheResultsMessageAsOutput() {
        Executor executor = Executors.simulator(action -> {
            received.add(action);
            return ActionResult.applied("restarted checkout-2");
        });
        RemediationAction restart = new RemediationAction.RestartInstance("checkout");
        List<String> lines = new ArrayList<>();

        Outcome outcome = executor.run(new Invocation.Simulator(restart), lines::add);

        assertThat(received).containsExactly(restart);
        assertThat(outcome.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.output()).isEqualTo("restarted checkout-2");
        assertThat(lines).containsExactly("restarted checkout-2");
    }

    @Test
    void aRefusedActionIsRefusedWithTheReason() {
        Executor executor = Executors.simulator(action -> ActionResult.refused("'stripe' is external"));

        Outcome outcome = executor.run(new Invocation.Simulator(new RemediationAction.Scale("stripe", 3)),
                OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("'stripe' is external");
    }

    @Test
    void anActionExecutorThatThrowsFailsTheStepInsteadOfThrowing() {
        Executor executor = Executors.simulator(action -> {
            throw new IllegalStateException("simulator stopped");
        });

        Outcome outcome = executor.run(new Invocation.Simulator(new RemediationAction.Failover("db")),
                OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(outcome.message()).contains("simulator stopped");
    }
}
