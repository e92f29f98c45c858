package dev.firebreak.engine.runbook;

import dev.firebreak.engine.action.RemediationAction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a step does, before rendering: every string may hold template variables ({@code {{params.service}}}), each
 * substituted inside its own element. Rendering turns it into an {@link dev.firebreak.engine.executor.Invocation}.
 */
public sealed interface StepAction {

    /** A program and its arguments; {@code program} of a SCRIPT step is relative to the runbook's directory. */
    record Command(List<String> argv, Optional<String> workingDirectory, Map<String, String> environment,
            int outputLimitBytes) implements StepAction {
        public Command {
            argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("a command needs at least its program");
            }
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            environment = Map.copyOf(new TreeMap<>(Objects.requireNonNull(environment, "environment")));
            if (outputLimitBytes < 1) {
                throw new IllegalArgumentException("outputLimit must be positive, was " + outputLimitBytes);
            }
        }
    }

    /** An HTTP request; the step passes on the expected status (and body text, if given). */
    record Http(String method, String url, Map<String, String> headers, String body, int expectStatus,
            String expectBodyContains) implements StepAction {
        public Http {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(new TreeMap<>(Objects.requireNonNull(headers, "headers")));
            body = body == null ? "" : body;
            expectBodyContains = expectBodyContains == null ? "" : expectBodyContains;
        }
    }

    /** {@code kubectl} with an explicit context and namespace. */
    record Kubectl(String context, String namespace, List<String> args, int outputLimitBytes) implements StepAction {
        public Kubectl {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(namespace, "namespace");
            args = List.copyOf(Objects.requireNonNull(args, "args"));
        }
    }

    /**
     * One of the simulator's remediation actions ({@code restart}, {@code scale}, {@code failover}, {@code rollback},
     * {@code clean-disk}, {@code reset-pool}, {@code clear-cache}, {@code warm-cache}, {@code open-breaker},
     * {@code close-breaker}, {@code reroute}); arguments by name.
     */
    record Simulator(String action, String target, Map<String, String> arguments) implements StepAction {

        /** Each action and the arguments it takes. */
        public static final Map<String, List<String>> ACTIONS = Map.ofEntries(
                Map.entry("restart", List.of()), Map.entry("scale", List.of("replicas")),
                Map.entry("failover", List.of()), Map.entry("rollback", List.of()),
                Map.entry("clean-disk", List.of()), Map.entry("reset-pool", List.of()),
                Map.entry("clear-cache", List.of()), Map.entry("warm-cache", List.of()),
                Map.entry("open-breaker", List.of("callee")), Map.entry("close-breaker", List.of("callee")),
                Map.entry("reroute", List.of("alternative", "fraction")), Map.entry("shed-load", List.of("fraction")));

        public Simulator {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            arguments = Map.copyOf(new TreeMap<>(Objects.requireNonNull(arguments, "arguments")));
            List<String> wanted = ACTIONS.get(action);
            if (wanted == null) {
                throw new IllegalArgumentException("unknown simulator action '" + action + "'; actions: "
                        + new java.util.TreeSet<>(ACTIONS.keySet()));
            }
            if (!arguments.keySet().equals(new java.util.HashSet<>(wanted))) {
                throw new IllegalArgumentException("simulator action '" + action + "' takes " + (wanted.isEmpty()
                        ? "no arguments" : "arguments " + wanted) + ", was given " + arguments.keySet());
            }
        }

        /**
         * The action with rendered target and arguments.
         *
         * @throws IllegalArgumentException naming the argument that is not a number where one is needed
         */
        public static RemediationAction toAction(String action, String target, Map<String, String> rendered) {
            return switch (action) {
                case "restart" -> new RemediationAction.RestartInstance(target);
                case "scale" -> new RemediationAction.Scale(target, integer(rendered, "replicas"));
                case "failover" -> new RemediationAction.Failover(target);
                case "rollback" -> new RemediationAction.Rollback(target);
                case "clean-disk" -> new RemediationAction.CleanDisk(target);
                case "reset-pool" -> new RemediationAction.ResetConnectionPool(target);
                case "clear-cache" -> new RemediationAction.Cache(target, false);
                case "warm-cache" -> new RemediationAction.Cache(target, true);
                case "open-breaker" -> new RemediationAction.CircuitBreaker(target, rendered.get("callee"), true);
                case "close-breaker" -> new RemediationAction.CircuitBreaker(target, rendered.get("callee"), false);
                case "reroute" -> new RemediationAction.Reroute(target, rendered.get("alternative"), number(rendered, "fraction"));
                case "shed-load" -> new RemediationAction.ShedLoad(target, number(rendered, "fraction"));
                default -> throw new IllegalArgumentException("unknown simulator action '" + action + "'");
            };
        }

        /** The name a simulator step gives an action: the inverse of {@link #toAction}. */
        public static String actionName(RemediationAction action) {
            return switch (action) {
                case RemediationAction.RestartInstance r -> "restart";
                case RemediationAction.Scale s -> "scale";
                case RemediationAction.Failover f -> "failover";
                case RemediationAction.Rollback r -> "rollback";
                case RemediationAction.CleanDisk c -> "clean-disk";
                case RemediationAction.ResetConnectionPool p -> "reset-pool";
                case RemediationAction.Cache c -> c.warm() ? "warm-cache" : "clear-cache";
                case RemediationAction.CircuitBreaker b -> b.open() ? "open-breaker" : "close-breaker";
                case RemediationAction.ShedLoad s -> "shed-load";
                case RemediationAction.Reroute r -> "reroute";
            };
        }

        private static int integer(Map<String, String> values, String name) {
            try {
                return Integer.parseInt(values.get(name).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + values.get(name) + "'");
            }
        }

        private static double number(Map<String, String> values, String name) {
            try {
                return Double.parseDouble(values.get(name).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + values.get(name) + "'");
            }
        }
    }

    /** What the person is asked to do; the step ends when they confirm it. */
    record Manual(String instructions) implements StepAction {
        public Manual {
            Objects.requireNonNull(instructions, "instructions");
        }
    }

    /** Nothing to execute: DECISION, ROLLBACK and condition-only VALIDATION steps. */
    record None() implements StepAction {
    }
}
