package dev.firebreak.engine.executor;

import dev.firebreak.engine.action.RemediationAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One fully rendered thing to do. {@link #render()} is the exact text a person approves: approvals carry a hash of
 * it, so a step whose rendering changes after approval needs approving again.
 */
public sealed interface Invocation {

    /** One canonical line: what runs, with every argument quoted so a reader sees element boundaries. */
    String render();

    /** A child process: {@code argv[0]} is the program, every element reaches it as one literal argument. */
    record Process(List<String> argv, Optional<Path> workingDirectory, Map<String, String> environment,
            Duration timeout, int outputLimitBytes) implements Invocation {
        public Process {
            argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
            if (argv.isEmpty() || argv.getFirst().isBlank()) {
                throw new IllegalArgumentException("argv needs a program as its first element");
            }
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            environment = Map.copyOf(new TreeMap<>(Objects.requireNonNull(environment, "environment")));
            requirePositive(timeout);
            if (outputLimitBytes < 1) {
                throw new IllegalArgumentException("outputLimitBytes must be positive, was " + outputLimitBytes);
            }
        }

        @Override
        public String render() {
            StringBuilder out = new StringBuilder("exec ").append(Quoting.quoteAll(argv));
            workingDirectory.ifPresent(dir -> out.append(" in ").append(Quoting.quote(dir.toString())));
            if (!environment.isEmpty()) {
                out.append(" with env ").append(Quoting.quoteAll(new TreeMap<>(environment).keySet().stream().toList()));
            }
            return out.append(" timeout ").append(timeout).toString();
        }
    }

    /** An HTTP request, passed when the status is the expected one and the body holds the expected text. */
    record Http(String method, String url, Map<String, String> headers, String body, int expectStatus,
            String expectBodyContains, Duration timeout) implements Invocation {
        public Http {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(new TreeMap<>(Objects.requireNonNull(headers, "headers")));
            body = body == null ? "" : body;
            expectBodyContains = expectBodyContains == null ? "" : expectBodyContains;
            if (expectStatus < 100 || expectStatus > 599) {
                throw new IllegalArgumentException("expectStatus must be an HTTP status, was " + expectStatus);
            }
            requirePositive(timeout);
        }

        @Override
        public String render() {
            StringBuilder out = new StringBuilder(method).append(' ').append(Quoting.quote(url));
            // Header names only: values often hold tokens, and the approval hash covers them through render of names.
            if (!headers.isEmpty()) {
                out.append(" headers ").append(Quoting.quoteAll(new TreeMap<>(headers).keySet().stream().toList()));
            }
            if (!body.isEmpty()) {
                out.append(" body ").append(Quoting.quote(body));
            }
            out.append(" expect ").append(expectStatus);
            if (!expectBodyContains.isEmpty()) {
                out.append(" containing ").append(Quoting.quote(expectBodyContains));
            }
            return out.append(" timeout ").append(timeout).toString();
        }
    }

    /** {@code kubectl --context C --namespace N args...}: context and namespace are never implied. */
    record Kubectl(String context, String namespace, List<String> args, Duration timeout, int outputLimitBytes)
            implements Invocation {
        public Kubectl {
            requireText(context, "context");
            requireText(namespace, "namespace");
            args = List.copyOf(Objects.requireNonNull(args, "args"));
            if (args.isEmpty()) {
                throw new IllegalArgumentException("kubectl needs at least one argument");
            }
            requirePositive(timeout);
            if (outputLimitBytes < 1) {
                throw new IllegalArgumentException("outputLimitBytes must be positive, was " + outputLimitBytes);
            }
        }

        /** The argument vector after the program name. */
        public List<String> argvAfterProgram() {
            List<String> out = new java.util.ArrayList<>(List.of("--context", context, "--namespace", namespace));
            out.addAll(args);
            return List.copyOf(out);
        }

        @Override
        public String render() {
            List<String> all = new java.util.ArrayList<>(List.of("kubectl"));
            all.addAll(argvAfterProgram());
            return "exec " + Quoting.quoteAll(all) + " timeout " + timeout;
        }
    }

    /** An action on the simulator (or whatever {@link dev.firebreak.engine.action.ActionExecutor} is wired). */
    record Simulator(RemediationAction action) implements Invocation {
        public Simulator {
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String render() {
            return "action " + action.describe();
        }
    }

    private static void requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be given");
        }
    }
}
