package dev.firebreak.engine.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.HaltSwitch;
import dev.firebreak.engine.runbook.MetricSource;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookJournal;
import dev.firebreak.engine.runbook.RunbookParameter;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twelve healing playbooks shipped in sample-data: they load, cover the seed's categories, run on the simulator
 * with simulator actions only (automatic mode, nothing waiting for a person), dry-run on real infrastructure in every
 * environment they list without executing anything, and never build a shell string.
 */
class ShippedPlaybooksTests {

    private static final List<String> CATEGORIES = List.of("restart", "scale", "circuit-break", "failover", "rollback",
            "cleanup", "connection-pool", "cache", "reroute", "throttle", "process-restart", "config-revert");
    private static final Pattern SHELL_WITH_COMMAND_STRING = Pattern.compile("\\b(?:sh|bash|dash|zsh)\\b\"?\\s*,\\s*\"?-" + "c\\b");

    @TempDir
    Path directory;

    @Test
    void allTwelveLoadAndTogetherCoverTheSeedsCategories() throws IOException {
        PlaybookLibrary library = PlaybookLibrary.load(List.of(extract()));

        assertThat(library.problems()).isEmpty();
        assertThat(library.all()).hasSize(12);
        assertThat(library.all()).extracting(Playbook::category).containsExactlyInAnyOrderElementsOf(CATEGORIES);
        for (Playbook playbook : library.all()) {
            assertThat(playbook.runbook().environments()).as(playbook.id()).contains("simulator", "production");
            assertThat(playbook.runbook().description()).as(playbook.id()).isNotBlank();
        }
    }

    @Test
    void onTheSimulatorEachPlaybookRunsByItselfWithSimulatorActionsOnly() throws IOException {
        PlaybookLibrary library = PlaybookLibrary.load(List.of(extract()));
        Topology shop = DecisionChainTests.shop();
        for (Playbook playbook : library.all()) {
            List<Invocation> calls = new ArrayList<>();
            RunbookEngine engine = engine(calls, true);

            Execution run = engine.start(new StartRequest(playbook.runbook(), ExecutionMode.AUTOMATIC, "simulator",
                    "firebreak-healing", Optional.empty(), parameters(playbook, shop), Map.of(), "simulator"));

            assertThat(run.state()).as(playbook.id() + ": " + run.message()).isEqualTo(ExecutionState.SUCCEEDED);
            assertThat(calls).as(playbook.id()).isNotEmpty().allMatch(call -> call instanceof Invocation.Simulator);
        }
    }

    @Test
    void onRealInfrastructureEachPlaybookDryRunsInEveryEnvironmentWithNothingExecuted() throws IOException {
        PlaybookLibrary library = PlaybookLibrary.load(List.of(extract()));
        Topology shop = DecisionChainTests.shop();
        List<Invocation> calls = new ArrayList<>();
        RunbookEngine engine = engine(calls, false);
        for (Playbook playbook : library.all()) {
            for (String environment : playbook.runbook().environments()) {
                Execution run = engine.start(StartRequest.of(playbook.runbook(), ExecutionMode.DRY_RUN, environment, "ana",
                        parameters(playbook, shop)));
                String what = playbook.id() + " in " + environment;
                assertThat(run.state()).as(what + ": " + run.message()).isEqualTo(ExecutionState.SUCCEEDED);
                assertThat(run.steps()).as(what).allMatch(step -> step.state() == StepState.SKIPPED
                        && !step.rendered().isBlank());
            }
        }
        assertThat(calls).as("a dry run executes nothing").isEmpty();
    }

    @Test
    void noPlaybookStartsAShellOnAString() throws IOException {
        for (String name : index()) {
            String text = new String(resource("playbooks/" + name).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(SHELL_WITH_COMMAND_STRING.matcher(text).find()).as(name).isFalse();
        }
    }

    /** Each playbook's pre-checks read a situation it is made for: a connection pool nearly full. */
    private static final MetricSource FITTING = (component, metric) -> metric.equals("connections")
            ? OptionalDouble.of(95) : OptionalDouble.empty();

    @Test
    void theConnectionPoolResetRefusesAPoolThatIsNotAtLeastHalfInUse() throws IOException {
        Playbook reset = PlaybookLibrary.load(List.of(extract())).all().stream()
                .filter(p -> p.id().equals("heal-reset-connection-pool")).findFirst().orElseThrow();
        Map<String, String> parameters = Map.of("service", "notifications");
        for (double inUse : new double[] {10.9, 49.9, 50, 95}) {
            RunbookEngine engine = engine(new ArrayList<>(), true, (component, metric) -> component.equals("notifications")
                    && metric.equals("connections") ? OptionalDouble.of(inUse) : OptionalDouble.empty());

            Optional<String> unmet = engine.unmetPrecondition(new StartRequest(reset.runbook(), ExecutionMode.AUTOMATIC,
                    "simulator", "firebreak-healing", Optional.empty(), parameters, Map.of(), "simulator"));

            assertThat(unmet).as("pool %s %% in use", inUse).matches(u -> u.isPresent() == inUse < 50);
        }
    }

    @Test
    void onlyTheScaleOutIsJudgedAsAddingCapacity() throws IOException {
        List<String> addingCapacity = PlaybookLibrary.load(List.of(extract())).all().stream()
                .filter(p -> p.verification().addsCapacity()).map(Playbook::id).toList();

        // a restart, rollback or clean-up removes the cause, so every resource must come back to its earlier level
        assertThat(addingCapacity).containsExactly("heal-scale-out-saturation");
    }

    @Test
    void theFailoverLastsThoughNothingUndoesItAndTheMomentaryOnesDoNotLast() throws IOException {
        Map<String, Boolean> lasting = PlaybookLibrary.load(List.of(extract())).all().stream()
                .collect(Collectors.toMap(Playbook::id, Playbook::lasting));

        assertThat(lasting).containsEntry("heal-failover-database", true).containsEntry("heal-circuit-break-dependency", true)
                .containsEntry("heal-restart-memory-leak", false).containsEntry("heal-clean-disk", false);
    }

    private static RunbookEngine engine(List<Invocation> calls, boolean answer) {
        return engine(calls, answer, FITTING);
    }

    private static RunbookEngine engine(List<Invocation> calls, boolean answer, MetricSource metrics) {
        Executor executor = new Executor() {
            @Override public boolean handles(Invocation invocation) { return true; }
            @Override public Outcome run(Invocation invocation, OutputSink output) {
                calls.add(invocation);
                if (!answer) {
                    throw new AssertionError("executed " + invocation.render());
                }
                return Outcome.succeeded("ok", "done");
            }
        };
        return new RunbookEngine(RunbookEngineConfig.defaults(), new RunbookEngine.Wiring(executor, ExecutionStore.inMemory(),
                metrics, RunbookJournal.NONE, new EventBus(), Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"),
                ZoneOffset.UTC), d -> { }, Runnable::run, HaltSwitch.NEVER));
    }

    /** What healing would fill: a shop component of a kind the playbook answers, its caller, replicas, its replica. */
    private static Map<String, String> parameters(Playbook playbook, Topology shop) {
        Set<String> kinds = playbook.componentKinds();
        List<Component> fitting = shop.components().stream().filter(c -> kinds.isEmpty() || kinds.contains(c.kind().name()
                .toLowerCase(Locale.ROOT).replace('_', '-'))).toList();
        assertThat(fitting).as(playbook.id() + ": a shop component of kinds " + kinds).isNotEmpty();
        boolean needsReplica = playbook.runbook().parameters().stream().anyMatch(p -> p.name().equals("replica"));
        Component blamed = fitting.stream().filter(c -> shop.callersOf(shop.indexOf(c.id())).length > 0)
                .filter(c -> !needsReplica || shop.components().stream().anyMatch(r -> r.replicaOf().equals(Optional.of(c.id()))))
                .findFirst().orElse(fitting.getFirst());
        Map<String, String> values = new LinkedHashMap<>();
        for (RunbookParameter parameter : playbook.runbook().parameters()) {
            switch (parameter.name()) {
                case "service", "component" -> values.put(parameter.name(), blamed.id());
                case "caller" -> values.put("caller", shop.component(shop.callersOf(shop.indexOf(blamed.id()))[0]).id());
                case "callRequired" -> values.put("callRequired", "false");
                case "replicas" -> values.put("replicas", String.valueOf(blamed.replicas() * 2));
                case "currentReplicas" -> values.put("currentReplicas", String.valueOf(blamed.replicas()));
                case "replica" -> values.put("replica", shop.components().stream()
                        .filter(c -> c.replicaOf().equals(Optional.of(blamed.id()))).map(Component::id).findFirst()
                        .orElseThrow(() -> new AssertionError(blamed.id() + " has no replica")));
                case "alternative" -> values.put("alternative", shop.components().stream()
                        .filter(c -> c.replicaOf().equals(Optional.of(blamed.id()))).map(Component::id).findFirst()
                        .orElse(shop.components().stream().filter(c -> c.kind() == blamed.kind() && !c.id().equals(blamed.id()))
                                .map(Component::id).findFirst().orElseThrow()));
                default -> assertThat(parameter.defaultValue()).as(playbook.id() + " parameter " + parameter.name()
                        + " is neither filled by healing nor defaulted").isPresent();
            }
        }
        return values;
    }

    private Path extract() throws IOException {
        Path target = directory.resolve("playbooks");
        Files.createDirectories(target);
        for (String name : index()) {
            try (InputStream in = resource("playbooks/" + name)) {
                Files.copy(in, target.resolve(name));
            }
        }
        return target;
    }

    private static List<String> index() throws IOException {
        try (InputStream in = resource("playbooks/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ShippedPlaybooksTests.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the test classpath");
        }
        return in;
    }
}
