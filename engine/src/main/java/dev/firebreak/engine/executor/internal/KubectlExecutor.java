package dev.firebreak.engine.executor.internal;

import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import dev.firebreak.engine.executor.ProcessPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code kubectl --context C --namespace N args...} as a child process with the process executor's rules:
 * an argument vector, the policy's environment, the invocation's timeout and output limit.
 */
public final class KubectlExecutor implements Executor {

    private final String program;
    private final ProcessExecutor processes;

    public KubectlExecutor(String program, ProcessPolicy policy) {
        if (program == null || program.isBlank()) {
            throw new IllegalArgumentException("the kubectl program must be given");
        }
        this.program = program;
        this.processes = new ProcessExecutor(policy);
    }

    @Override
    public boolean handles(Invocation invocation) {
        return invocation instanceof Invocation.Kubectl;
    }

    @Override
    public Outcome run(Invocation invocation, OutputSink output) {
        if (!(invocation instanceof Invocation.Kubectl kubectl)) {
            return Outcome.refused("the kubectl executor runs kubectl, not: " + invocation.render());
        }
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(kubectl.argvAfterProgram());
        return processes.run(new Invocation.Process(argv, Optional.empty(), Map.of(), kubectl.timeout(),
                kubectl.outputLimitBytes()), output);
    }
}
