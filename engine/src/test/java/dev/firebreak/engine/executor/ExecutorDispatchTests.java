package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.action.ActionResult;
import dev.firebreak.engine.action.RemediationAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorDispatchTests {

    private static final Invocation ACTION = new Invocation.Simulator(new RemediationAction.Rollback("checkout"));
    private static final Invocation REQUEST = new Invocation.Http("GET", "http://localhost:1/", Map.of(), "", 200,
            "", Duration.ofSeconds(1));

    private static Executor answering(Class<? extends Invocation> kind, String output) {
        return new Executor() {
            @Override
            public boolean handles(Invocation invocation) {
                return kind.isInstance(invocation);
            }

            @Override
            public Outcome run(Invocation invocation, OutputSink sink) {
                return Outcome.succeeded(output, "ran");
            }
        };
    }

    @Test
    void runsOnTheFirstExecutorThatHandlesTheInvocation() {
        Executor dispatching = Executors.dispatching(List.of(answering(Invocation.Http.class, "http"),
                answering(Invocation.Simulator.class, "first"), answering(Invocation.Simulator.class, "second")));

        assertThat(dispatching.run(ACTION, OutputSink.NONE).output()).isEqualTo("first");
        assertThat(dispatching.run(REQUEST, OutputSink.NONE).output()).isEqualTo("http");
    }

    @Test
    void refusesWhatNoExecutorHandles() {
        Executor dispatching = Executors.dispatching(List.of(
                Executors.simulator(action -> ActionResult.applied("done"))));

        Outcome outcome = dispatching.run(REQUEST, OutputSink.NONE);

        assertThat(dispatching.handles(REQUEST)).isFalse();
        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).startsWith("no executor for").contains("http://localhost:1/");
    }

    @Test
    void eachRealExecutorHandlesExactlyItsOwnKind() {
        ProcessPolicy policy = new ProcessPolicy(java.util.Set.of(), Map.of());
        Invocation process = Scripts.process(List.of("/bin/true"), Duration.ofSeconds(1), 1);
        Invocation kubectl = new Invocation.Kubectl("c", "n", List.of("get", "pods"), Duration.ofSeconds(1), 1);
        List<Invocation> all = List.of(process, REQUEST, kubectl, ACTION);

        assertThat(all).filteredOn(Executors.process(policy)::handles).containsExactly(process);
        assertThat(all).filteredOn(Executors.http(new okhttp3.OkHttpClient())::handles).containsExactly(REQUEST);
        assertThat(all).filteredOn(Executors.kubectl(policy)::handles).containsExactly(kubectl);
        assertThat(all).filteredOn(Executors.simulator(action -> ActionResult.applied(""))::handles)
                .containsExactly(ACTION);
    }
}
