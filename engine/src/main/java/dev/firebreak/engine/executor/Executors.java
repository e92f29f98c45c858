package dev.firebreak.engine.executor;

import dev.firebreak.engine.action.ActionExecutor;
import dev.firebreak.engine.executor.internal.DispatchingExecutor;
import dev.firebreak.engine.executor.internal.HttpExecutor;
import dev.firebreak.engine.executor.internal.KubectlExecutor;
import dev.firebreak.engine.executor.internal.ProcessExecutor;
import dev.firebreak.engine.executor.internal.SimulatorExecutor;
import java.util.List;
import okhttp3.OkHttpClient;

/** Creates the executors. Every factory validates its arguments at once. */
public final class Executors {

    /** The program kubectl invocations run unless told otherwise; found on the child's {@code PATH}. */
    public static final String DEFAULT_KUBECTL = "kubectl";

    /** An HTTP step's output is its response body up to this many bytes (64 KiB). */
    public static final int HTTP_OUTPUT_LIMIT_BYTES = HttpExecutor.OUTPUT_LIMIT_BYTES;

    private Executors() {
    }

    /**
     * Child processes, started from their argument vector (never a shell) in an environment holding only the
     * policy's variables and the invocation's own. A bare program name is looked up on the child's {@code PATH}.
     */
    public static Executor process(ProcessPolicy policy) {
        return new ProcessExecutor(policy);
    }

    /** HTTP requests on the given client (its pool, proxy and TLS settings), each with its own call timeout. */
    public static Executor http(OkHttpClient client) {
        return new HttpExecutor(client);
    }

    /** {@code kubectl} invocations, run as {@link #process} runs a child. */
    public static Executor kubectl(String kubectlProgram, ProcessPolicy policy) {
        return new KubectlExecutor(kubectlProgram, policy);
    }

    /** {@code kubectl} invocations with the {@link #DEFAULT_KUBECTL} program. */
    public static Executor kubectl(ProcessPolicy policy) {
        return kubectl(DEFAULT_KUBECTL, policy);
    }

    /** Remediation actions, carried out by the simulator or whatever else implements {@link ActionExecutor}. */
    public static Executor simulator(ActionExecutor actions) {
        return new SimulatorExecutor(actions);
    }

    /** Each invocation on the first executor that handles it; one no executor handles is refused. */
    public static Executor dispatching(List<Executor> executors) {
        return new DispatchingExecutor(executors);
    }
}
