package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Executors;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import dev.firebreak.engine.executor.ProcessPolicy;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbooks shipped in sample-data, extracted the way the console extracts them (every file {@code runbooks/index.txt}
 * lists): they all load, each dry-runs in every environment it lists without anything executed, their variables name
 * things that exist, and searches find them.
 */
class ShippedRunbooksTests {

    private static final String INDEX = "runbooks/index.txt";
    private static final List<String> EXPECTED = List.of("high-latency", "service-down", "database-issues", "memory-leak",
            "disk-full", "certificate-expiry", "bad-deployment", "dependency-failure", "cache-failure");
    private static final Set<String> ENVIRONMENTS = Set.of("simulator", "staging", "production");
    /** Plausible values for parameters that have no default and are not components. */
    private static final Map<String, String> EXAMPLES = Map.of("host", "shop.example.com", "caller", "payments");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.@\\-]+)\\s*}}");
    /** A shell name followed by its option that reads a command string (built without writing the two together). */
    private static final Pattern SHELL_WITH_COMMAND_STRING = Pattern.compile("(?:/(?:usr/)?bin/)?\\b(?:sh|bash|dash|zsh|ksh"
            + "|mksh|ash|csh|tcsh|fish|pwsh|powershell)(?:\\.exe)?\\s*\"?\\s*,?\\s*\"?\\s*" + "-" + "c\\b");

    @TempDir
    Path directory;

    @Test
    void indexListsEveryShippedFileAndNothingElse() throws Exception {
        List<String> index = index();

        assertThat(index).doesNotHaveDuplicates().doesNotContain("index.txt");
        assertThat(new TreeSet<>(index)).isEqualTo(filesBesideTheIndex());
        assertThat(index).contains("runbook-template.yaml")
                .containsAll(EXPECTED.stream().map(id -> id + ".yaml").toList())
                .anyMatch(name -> name.startsWith("scripts/"));
    }

    @Test
    void everyShippedRunbookLoadsWithoutProblems() throws IOException {
        RunbookLibrary library = RunbookLibrary.load(List.of(extract()), Optional.empty());

        assertThat(library.problems()).isEmpty();
        assertThat(library.all()).extracting(Runbook::id).containsAll(EXPECTED).contains("runbook-template");
        assertThat(library.get("runbook-template").orElseThrow().kind()).isEqualTo(Runbook.Kind.TEMPLATE);
        Set<String> componentKinds = Arrays.stream(ComponentKind.values())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.toSet());
        for (Runbook runbook : library.all()) {
            String id = runbook.id();
            assertThat(index()).as(id).contains(id + ".yaml");
            assertThat(runbook.title()).as(id).isNotBlank();
            assertThat(runbook.description()).as(id).isNotBlank();
            assertThat(runbook.owner()).as(id).isNotBlank();
            assertThat(runbook.tags()).as(id).isNotEmpty();
            assertThat(runbook.componentKinds()).as(id).isNotEmpty().isSubsetOf(componentKinds);
            assertThat(runbook.environments()).as(id).isNotEmpty().isSubsetOf(ENVIRONMENTS);
            assertThat(runbook.parameters()).as(id).isNotEmpty();
            assertThat(runbook.steps()).as(id + ": short enough to read at 3 a.m.").hasSizeBetween(4, 10);
            assertThat(runbook.steps().getLast().type()).as(id + " ends by checking").isEqualTo(StepType.VALIDATION);
            if (runbook.kind() != Runbook.Kind.TEMPLATE) {
                assertThat(runbook.kind()).as(id).isEqualTo(Runbook.Kind.STATIC);
                assertThat(runbook.alerts()).as(id).isNotEmpty();
                assertThat(runbook.faultKinds()).as(id).isNotEmpty();
            }
        }
    }

    @Test
    void everyRunbookDryRunsInEveryEnvironmentItListsWithNothingExecuted() throws IOException {
        RunbookLibrary library = RunbookLibrary.load(List.of(extract()), Optional.empty());
        List<Invocation> calls = new ArrayList<>();
        RunbookEngine engine = new RunbookEngine(RunbookEngineConfig.defaults(), new RunbookEngine.Wiring(
                failingIfCalled(calls), ExecutionStore.inMemory(), MetricSource.NONE, RunbookJournal.NONE, new EventBus(),
                Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC), d -> { }, Runnable::run,
                HaltSwitch.NEVER));
        Topology shop = shop();
        int runs = 0;

        for (Runbook runbook : library.all()) {
            if (runbook.kind() == Runbook.Kind.TEMPLATE) {
                continue;
            }
            for (String environment : runbook.environments()) {
                Execution run = engine.start(StartRequest.of(runbook, ExecutionMode.DRY_RUN, environment, "ana",
                        parameters(runbook, shop)));
                String what = runbook.id() + " in " + environment;

                assertThat(run.state()).as(what + ": " + run.message()).isEqualTo(ExecutionState.SUCCEEDED);
                assertThat(run.steps()).as(what).allSatisfy(step -> {
                    assertThat(step.state()).as(what + " " + step.stepId() + ": " + step.message()).isEqualTo(StepState.SKIPPED);
                    assertThat(step.rendered()).as(what + " " + step.stepId()).isNotBlank();
                    assertThat(step.attempts()).as(what + " " + step.stepId()).isZero();
                });
                runs++;
            }
        }

        assertThat(runs).isGreaterThanOrEqualTo(EXPECTED.size());
        assertThat(calls).as("a dry run executes nothing").isEmpty();
    }

    @Test
    void dryRunShowsKubectlInTheEnvironmentsContextAndScriptsBesideTheRunbook() throws IOException {
        Path extracted = extract();
        RunbookLibrary library = RunbookLibrary.load(List.of(extracted), Optional.empty());
        List<Invocation> calls = new ArrayList<>();
        RunbookEngine engine = new RunbookEngine(RunbookEngineConfig.defaults(), new RunbookEngine.Wiring(
                failingIfCalled(calls), ExecutionStore.inMemory(), MetricSource.NONE, RunbookJournal.NONE, new EventBus(),
                Clock.systemUTC(), d -> { }, Runnable::run, HaltSwitch.NEVER));

        Execution latency = engine.start(StartRequest.of(library.get("high-latency").orElseThrow(), ExecutionMode.DRY_RUN,
                "production", "ana", Map.of("service", "catalog")));
        Execution certificate = engine.start(StartRequest.of(library.get("certificate-expiry").orElseThrow(),
                ExecutionMode.DRY_RUN, "staging", "ana", Map.of("service", "gateway", "host", "shop.example.com")));

        assertThat(latency.step("scale-out").rendered()).isEqualTo("exec [\"kubectl\" \"--context\" \"production\""
                + " \"--namespace\" \"shop\" \"scale\" \"deployment/catalog\" \"--replicas=8\"] timeout PT1M");
        assertThat(latency.step("scale-out-simulator").rendered()).isEqualTo("action scale catalog to 8 replicas");
        assertThat(certificate.step("days-left").rendered()).contains(
                extracted.toAbsolutePath().resolve("scripts/cert-days-left.sh").toString(), "\"shop.example.com\" \"443\"");
        assertThat(calls).isEmpty();
    }

    @Test
    void everyVariableAShippedRunbookNamesExists() throws IOException {
        RunbookLibrary library = RunbookLibrary.load(List.of(extract()), Optional.empty());
        Set<String> metrics = Arrays.stream(MetricName.values()).map(m -> m.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> components = shop().components().stream().map(Component::id).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();

        for (Runbook runbook : library.all()) {
            Set<String> parameters = runbook.parameters().stream().map(RunbookParameter::name).collect(Collectors.toSet());
            Set<String> steps = runbook.steps().stream().map(RunbookStep::id).collect(Collectors.toSet());
            Matcher matcher = VARIABLE.matcher(runbook.source());
            while (matcher.find()) {
                String name = matcher.group(1);
                String[] parts = name.split("\\.");
                boolean known = switch (parts[0]) {
                    case "environment", "incident", "execution", "runbook" -> Set.of("environment", "incident.id",
                            "execution.id", "runbook.id").contains(name);
                    case "params" -> parts.length == 2 && parameters.contains(parts[1]);
                    case "steps" -> parts.length == 3 && steps.contains(parts[1])
                            && Set.of("output", "exitCode", "state").contains(parts[2]);
                    case "metrics" -> parts.length == 3 && metrics.contains(parts[2]) && (parts[1].startsWith("@")
                            ? parameters.contains(parts[1].substring(1)) : components.contains(parts[1]));
                    default -> false;
                };
                if (!known) {
                    unknown.add(runbook.id() + ": {{" + name + "}}");
                }
            }
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void togetherTheShippedRunbooksUseEveryStepTypeAndEverySafeguard() throws IOException {
        List<RunbookStep> steps = RunbookLibrary.load(List.of(extract()), Optional.empty()).all().stream()
                .filter(runbook -> runbook.kind() != Runbook.Kind.TEMPLATE).flatMap(runbook -> runbook.steps().stream())
                .toList();

        assertThat(steps).extracting(RunbookStep::type).containsAll(EnumSet.allOf(StepType.class));
        assertThat(steps).anyMatch(RunbookStep::approval).anyMatch(RunbookStep::critical)
                .anyMatch(step -> step.rollback().isPresent())
                .anyMatch(step -> step.type() == StepType.VALIDATION && !step.hold().isZero())
                .anyMatch(step -> step.type() == StepType.DECISION && step.onTrue().isPresent() && step.onFalse().isPresent());
        assertThat(steps).extracting(RunbookStep::action).hasAtLeastOneElementOfType(StepAction.Kubectl.class)
                .hasAtLeastOneElementOfType(StepAction.Http.class).hasAtLeastOneElementOfType(StepAction.Simulator.class)
                .hasAtLeastOneElementOfType(StepAction.Command.class).hasAtLeastOneElementOfType(StepAction.Manual.class);
        assertThat(steps).filteredOn(step -> step.type() == StepType.SCRIPT).isNotEmpty();
    }

    @Test
    void scriptsAreShippedBesideTheRunbooksAndNothingShippedStartsAShellOnAString() throws IOException {
        Path extracted = extract();
        RunbookLibrary library = RunbookLibrary.load(List.of(extracted), Optional.empty());
        List<String> index = index();

        for (Runbook runbook : library.all()) {
            for (RunbookStep step : runbook.steps()) {
                if (step.type() == StepType.SCRIPT) {
                    String script = ((StepAction.Command) step.action()).argv().getFirst();
                    assertThat(index).as(runbook.id() + " " + step.id()).contains(script);
                }
            }
        }
        for (String name : index) {
            String text = Files.readString(extracted.resolve(name), StandardCharsets.UTF_8);
            assertThat(SHELL_WITH_COMMAND_STRING.matcher(text).find()).as(name).isFalse();
            if (name.startsWith("scripts/")) {
                assertThat(text).as(name).startsWith("#!/bin/sh\n");
            }
        }
    }

    @Test
    void theDiskScriptGetsItsPathAsOneArgumentWhateverThePathHolds() throws IOException {
        Path extracted = extract();
        Path volume = Files.createDirectories(directory.resolve("my volume; id"));
        Path logs = Files.createDirectories(volume.resolve("logs"));
        byte[] log = new byte[256 * 1024];
        new java.util.Random(7).nextBytes(log);
        Files.write(logs.resolve("big.log"), log);
        Files.createDirectories(volume.resolve("tmp"));
        String script = extracted.resolve("scripts/largest-paths.sh").toString();

        Outcome listed = Executors.process(ProcessPolicy.defaults()).run(new Invocation.Process(List.of(script,
                volume.toString(), "2"), Optional.empty(), Map.of("LC_ALL", "C"), Duration.ofSeconds(30), 64 * 1024),
                OutputSink.NONE);
        Outcome refused = Executors.process(ProcessPolicy.defaults()).run(new Invocation.Process(List.of(script,
                volume.toString(), "2; id"), Optional.empty(), Map.of(), Duration.ofSeconds(30), 64 * 1024), OutputSink.NONE);

        assertThat(listed.succeeded()).as(listed.message() + " " + listed.output()).isTrue();
        assertThat(listed.output()).doesNotContain("uid=");
        assertThat(listed.output().lines().toList()).hasSize(2);
        assertThat(listed.output().lines().toList().getFirst()).endsWith("\t" + volume);
        assertThat(listed.output().lines().toList().get(1)).endsWith("\t" + logs);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(Files.isDirectory(volume)).isTrue();
    }

    @Test
    void highLatencyOnTheSimulatorScalesOutThenHoldsTheTarget() throws IOException {
        Runbook runbook = RunbookLibrary.load(List.of(extract()), Optional.empty()).get("high-latency").orElseThrow();
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("catalog.latency_p99", 900.0);
        fixture.metrics.put("search.latency_p99", 20.0);
        fixture.executor.during = invocation -> {
            fixture.metrics.put("catalog.latency_p99", 140.0);
            return null;
        };

        Execution run = fixture.engine().start(StartRequest.of(runbook, ExecutionMode.AUTOMATIC, "simulator", "ana",
                Map.of("service", "catalog")));

        assertThat(run.state()).as(run.message()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(fixture.executor.rendered()).containsExactly("action scale catalog to 8 replicas");
        assertThat(run.step("inspect-pods").state()).isEqualTo(StepState.SKIPPED);
        assertThat(run.step("scale-out").state()).isEqualTo(StepState.SKIPPED);
        assertThat(run.step("verify-latency").message()).contains("140.0 < 300").contains("held for 2m");
    }

    @Test
    void highLatencyThatDoesNotRecoverScalesBackToTheBaseline() throws IOException {
        Runbook runbook = RunbookLibrary.load(List.of(extract()), Optional.empty()).get("high-latency").orElseThrow();
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("catalog.latency_p99", 900.0);

        Execution run = fixture.engine().start(StartRequest.of(runbook, ExecutionMode.AUTOMATIC, "simulator", "ana",
                Map.of("service", "catalog", "replicas", "10")));

        assertThat(run.state()).as(run.message()).isEqualTo(ExecutionState.ROLLED_BACK);
        assertThat(fixture.executor.rendered()).containsExactly("action scale catalog to 10 replicas",
                "action scale catalog to 4 replicas");
        assertThat(run.step("scale-out-simulator").state()).isEqualTo(StepState.ROLLED_BACK);
    }

    @Test
    void dependencyFailureOpensTheBreakerAndItsRollbackStepClosesIt() throws IOException {
        Runbook runbook = RunbookLibrary.load(List.of(extract()), Optional.empty()).get("dependency-failure").orElseThrow();
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("payments.error_rate", 30.0);
        fixture.metrics.put("payment-provider.error_rate", 100.0);
        fixture.executor.during = invocation -> {
            fixture.metrics.put("payments.error_rate", 1.0);
            return null;
        };
        RunbookEngine engine = fixture.engine();

        Execution waiting = engine.start(StartRequest.of(runbook, ExecutionMode.AUTOMATIC, "simulator", "ana",
                Map.of("dependency", "payment-provider", "caller", "payments")));
        assertThat(waiting.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(waiting.currentStep().orElseThrow().stepId()).isEqualTo("follow-owner");
        fixture.metrics.put("payment-provider.error_rate", 0.5);
        Execution done = engine.approve(waiting.id(), "follow-owner", "bo", waiting.step("follow-owner").hash(), "");

        assertThat(done.state()).as(done.message()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(fixture.executor.rendered()).containsExactly("action open the circuit breaker payments -> payment-provider",
                "action close the circuit breaker payments -> payment-provider");
        assertThat(done.step("open-breaker").state()).isEqualTo(StepState.ROLLED_BACK);
        assertThat(done.step("close-breaker").state()).isEqualTo(StepState.SUCCEEDED);
    }

    @Test
    void alertSearchRanksHighLatencyFirst() throws IOException {
        RunbookLibrary library = RunbookLibrary.load(List.of(extract()), Optional.empty());

        List<RunbookLibrary.Match> matches = library.search(RunbookLibrary.Query.alert("HighLatency"));

        assertThat(matches).isNotEmpty();
        assertThat(matches.getFirst().runbook().id()).isEqualTo("high-latency");
        assertThat(matches.getFirst().reasons()).contains("answers alert HighLatency");
        assertThat(library.search(RunbookLibrary.Query.alert("highlatency")).getFirst().runbook().id())
                .as("alert names match regardless of case").isEqualTo("high-latency");
        assertThat(library.search(RunbookLibrary.Query.alert("HighErrorRate"))).extracting(m -> m.runbook().id())
                .contains("bad-deployment", "service-down");
    }

    @Test
    void textSearchRanksTheRunbookTheWordsNameFirst() throws IOException {
        RunbookLibrary library = RunbookLibrary.load(List.of(extract()), Optional.empty());

        assertThat(firstFor(library, "disk full")).isEqualTo("disk-full");
        assertThat(firstFor(library, "connection pool exhausted")).isEqualTo("database-issues");
        assertThat(firstFor(library, "certificate expiring")).isEqualTo("certificate-expiry");
        assertThat(firstFor(library, "roll back the release")).isEqualTo("bad-deployment");
        assertThat(firstFor(library, "circuit breaker")).isEqualTo("dependency-failure");
        assertThat(firstFor(library, "memory leak")).isEqualTo("memory-leak");
        assertThat(library.search(RunbookLibrary.Query.text("kerberos quasar"))).isEmpty();
    }

    @Test
    void causesTheRootCauseAnalysisNamesSuggestTheMatchingRunbook() throws IOException {
        RunbookLibrary library = RunbookLibrary.load(List.of(extract()), Optional.empty());

        assertThat(suggested(library, "resource exhaustion: memory", "service")).isEqualTo("memory-leak");
        assertThat(suggested(library, "resource exhaustion: memory", "cache")).isEqualTo("cache-failure");
        assertThat(suggested(library, "resource exhaustion: disk", "database")).isEqualTo("disk-full");
        assertThat(suggested(library, "resource exhaustion: connection pool", "database")).isEqualTo("database-issues");
        assertThat(suggested(library, "bad deployment 5.5.1", "service")).isEqualTo("bad-deployment");
        assertThat(suggested(library, "bad config change (pool size 5)", "service")).isEqualTo("bad-deployment");
        assertThat(suggested(library, "dependency failing: calls to it fail", "external")).isEqualTo("dependency-failure");
        assertThat(suggested(library, "latency in its own handling", "service")).isEqualTo("high-latency");
        assertThat(suggested(library, "memory-leak", "service")).isEqualTo("memory-leak");
        assertThat(suggested(library, "resource exhaustion: disk", "search_index"))
                .as("the enum's spelling of a kind matches the files' search-index").isEqualTo("disk-full");
        assertThat(suggested(library, "resource exhaustion: disk", "search-index")).isEqualTo("disk-full");
        assertThat(library.suggest("resource exhaustion: memory", "service")).extracting(m -> m.runbook().id())
                .as("templates are never suggested").doesNotContain("runbook-template");
    }

    // ---------------------------------------------------------------- helpers

    private static String firstFor(RunbookLibrary library, String text) {
        List<RunbookLibrary.Match> matches = library.search(RunbookLibrary.Query.text(text));
        assertThat(matches).as(text).isNotEmpty();
        return matches.getFirst().runbook().id();
    }

    private static String suggested(RunbookLibrary library, String cause, String componentKind) {
        List<RunbookLibrary.Match> matches = library.suggest(cause, componentKind);
        assertThat(matches).as(cause + " on a " + componentKind).isNotEmpty();
        return matches.getFirst().runbook().id();
    }

    /** A value for every parameter without a default: a shop component of a kind the runbook is for, or an example. */
    private static Map<String, String> parameters(Runbook runbook, Topology shop) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RunbookParameter parameter : runbook.parameters()) {
            if (parameter.defaultValue().isPresent()) {
                continue;
            }
            if (parameter.type() == RunbookParameter.Type.COMPONENT) {
                Component component = shop.components().stream().filter(c -> runbook.componentKinds().contains(
                        c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))).findFirst().orElseThrow(
                                () -> new AssertionError(runbook.id() + ": no shop component of kinds " + runbook.componentKinds()));
                values.put(parameter.name(), component.id());
            } else {
                assertThat(EXAMPLES).as(runbook.id() + " parameter " + parameter.name() + " needs an example value")
                        .containsKey(parameter.name());
                values.put(parameter.name(), EXAMPLES.get(parameter.name()));
            }
        }
        return values;
    }

    private static Executor failingIfCalled(List<Invocation> calls) {
        return new Executor() {
            @Override
            public boolean handles(Invocation invocation) {
                return true;
            }

            @Override
            public Outcome run(Invocation invocation, OutputSink output) {
                calls.add(invocation);
                throw new AssertionError("a dry run executed " + invocation.render());
            }
        };
    }

    private static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** What the console extracts (app ShippedRunbooks): every listed file, scripts made executable. */
    private Path extract() throws IOException {
        Path target = directory.resolve("runbooks");
        for (String name : index()) {
            Path file = target.resolve(name).normalize();
            assertThat(file.startsWith(target)).as(name + " stays inside runbooks/").isTrue();
            Files.createDirectories(file.getParent());
            try (InputStream in = resource("runbooks/" + name)) {
                Files.copy(in, file);
            }
            if (name.startsWith("scripts/")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return target;
    }

    private static List<String> index() throws IOException {
        try (InputStream in = resource(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    /** Every file under the classpath's runbooks/ directory except the index, as relative paths. */
    private static Set<String> filesBesideTheIndex() throws IOException, URISyntaxException {
        URI uri = ShippedRunbooksTests.class.getClassLoader().getResource(INDEX).toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return relativeFiles(jar.getPath("/runbooks"));
            }
        }
        return relativeFiles(Path.of(uri).getParent());
    }

    private static Set<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("index.txt")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ShippedRunbooksTests.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the test classpath");
        }
        return in;
    }
}
