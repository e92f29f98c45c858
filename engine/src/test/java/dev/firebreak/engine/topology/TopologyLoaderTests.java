package dev.firebreak.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyLoaderTests {

    private static final String TWO_COMPONENTS = """
            name: tiny
            components:
              - id: web
                kind: service
                tier: 0
                team: storefront
                capacity: 100
              - id: db
                kind: database
                tier: 1
                team: data
                capacity: 200
            """;

    @TempDir
    Path dir;

    @Test
    void loadAppliesDefaultsForOptionalFields() throws TopologyException {
        Topology topology = TopologyLoader.loadText("tiny.yaml", TWO_COMPONENTS + """
                dependencies:
                  - from: web
                    to: db
                """);

        Component web = topology.find("web").orElseThrow();
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.replicas()).isEqualTo(1);
        assertThat(web.environment()).isEqualTo("production");
        assertThat(web.replicaOf()).isEmpty();
        Dependency dependency = topology.dependencies().getFirst();
        assertThat(dependency.callsPerRequest()).isEqualTo(1.0);
        assertThat(dependency.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(dependency.required()).isTrue();
    }

    @Test
    void loadReadsEveryFieldAndDurationUnits() throws TopologyException {
        Topology topology = TopologyLoader.loadText("full.yaml", """
                name: full
                environment: staging
                components:
                  - { id: lb, name: Edge LB, kind: load-balancer, tier: 0, replicas: 2, team: edge, capacity: 5e3, version: "1.2" }
                  - { id: db, kind: database, tier: 1, team: data, capacity: 10.5, environment: production }
                  - { id: db-ro, kind: DATABASE, tier: 1, team: data, capacity: 20, replicaOf: db }
                dependencies:
                  - { from: lb, to: db, callsPerRequest: 2.5, timeout: 250ms, required: false }
                  - { from: lb, to: db-ro, timeout: 1.5s }
                """);

        Component lb = topology.find("lb").orElseThrow();
        assertThat(lb.kind()).isEqualTo(ComponentKind.LOAD_BALANCER);
        assertThat(lb.capacity()).isEqualTo(10_000.0);
        assertThat(lb.environment()).isEqualTo("staging");
        assertThat(lb.version()).isEqualTo("1.2");
        assertThat(topology.find("db").orElseThrow().environment()).isEqualTo("production");
        assertThat(topology.find("db-ro").orElseThrow().replicaOf()).isEqualTo(Optional.of("db"));
        assertThat(topology.dependencies()).extracting(Dependency::timeout)
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(1500));
        assertThat(topology.dependencies().getFirst().required()).isFalse();
    }

    @Test
    void loadNamesFileLineAndFieldOfUnknownCallee() throws URISyntaxException {
        Path file = fixture("unknown-callee.yaml");

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

        assertThat(e.sourceName()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.field()).isEqualTo("dependencies[1].to");
        assertThat(e.getMessage()).isEqualTo(file + ":17: dependencies[1].to: unknown component 'paymnts' (did you mean 'payments'?)");
    }

    @Test
    void loadRejectsUnknownCaller() {
        TopologyException e = failureOf(TWO_COMPONENTS + """
                dependencies:
                  - from: webb
                    to: db
                """);

        assertThat(e.line()).isEqualTo(14);
        assertThat(e.field()).isEqualTo("dependencies[0].from");
        assertThat(e.problem()).startsWith("unknown component 'webb'");
    }

    @Test
    void loadPointsDuplicateIdAtSecondOccurrence() {
        TopologyException e = failureOf("""
                name: dup
                components:
                  - { id: cart, kind: service, tier: 0, team: checkout, capacity: 10 }
                  - { id: orders, kind: service, tier: 0, team: checkout, capacity: 10 }
                  - { id: cart, kind: cache, tier: 1, team: data, capacity: 10 }
                """);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("components[2].id");
        assertThat(e.problem()).isEqualTo("duplicate component id 'cart' (first declared at line 3)");
    }

    @ParameterizedTest
    @CsvSource({
        "capacity, -5, 8",
        "capacity, 0, 8",
        "capacity, lots, 8",
        "capacity, .nan, 8",
        "replicas, 0, 7",
        "replicas, 2.5, 7",
        "tier, -1, 6",
    })
    void loadRejectsBadNumbersWithTheirLine(String field, String value, int line) {
        TopologyException e = failureOf("""
                name: numbers
                components:
                  - id: web
                    kind: service
                    team: storefront
                    tier: %s
                    replicas: %s
                    capacity: %s
                """.formatted(field.equals("tier") ? value : "0", field.equals("replicas") ? value : "1",
                field.equals("capacity") ? value : "10"));

        assertThat(e.line()).isEqualTo(line);
        assertThat(e.field()).isEqualTo("components[0]." + field);
        assertThat(e.problem()).startsWith("bad number '" + value + "'");
    }

    @Test
    void loadNamesTheCycleAndTheDependencyClosingIt() throws URISyntaxException {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(fixture("cycle.yaml")));

        assertThat(e.line()).isEqualTo(11);
        assertThat(e.field()).isEqualTo("dependencies[3]");
        assertThat(e.problem()).isEqualTo("dependency cycle: orders -> payments -> ledger -> orders");
    }

    @Test
    void loadRejectsUnknownKindWithSuggestion() {
        TopologyException e = failureOf("""
                name: kinds
                components:
                  - { id: db, kind: databse, tier: 0, team: data, capacity: 10 }
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("components[0].kind");
        assertThat(e.problem()).startsWith("unknown kind 'databse' (did you mean 'database'?)")
                .contains("load-balancer", "search-index");
    }

    @Test
    void loadReportsMissingRequiredFieldAtItsComponent() {
        TopologyException e = failureOf("""
                name: missing
                components:
                  - id: web
                    kind: service
                    tier: 0
                    capacity: 10
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("components[0].team");
        assertThat(e.problem()).isEqualTo("missing required field");
    }

    @Test
    void loadRejectsMisspelledFieldInsteadOfIgnoringIt() throws URISyntaxException {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(fixture("typo-field.yaml")));

        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("components[0].capcity");
        assertThat(e.problem()).startsWith("unknown field 'capcity' (did you mean 'capacity'?)");
    }

    @Test
    void loadGivesLineAndColumnOfMalformedYaml() throws URISyntaxException {
        Path file = fixture("malformed.yaml");

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).startsWith(file + ":5:" + e.column() + ": malformed YAML: ");
        assertThat(e.problem()).contains("starts at line 3").endsWith("check the indentation");
    }

    @Test
    void loadRejectsEmptyFile() throws URISyntaxException {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(fixture("empty.yaml")));

        assertThat(e.line()).isZero();
        assertThat(e.problem()).contains("empty");
    }

    @Test
    void loadRejectsFileThatIsNotAMapping(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("list.yaml"), "- web\n- db\n");

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).startsWith("expected a mapping of fields, found a list");
    }

    @Test
    void loadRejectsReplicaOfUnknownPrimary() {
        TopologyException e = failureOf("""
                name: replicas
                components:
                  - { id: pg, kind: database, tier: 0, team: data, capacity: 10 }
                  - { id: pg-ro, kind: database, tier: 0, team: data, capacity: 10, replicaOf: pgg }
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("components[1].replicaOf");
        assertThat(e.problem()).isEqualTo("unknown component 'pgg' (did you mean 'pg'?)");
    }

    @Test
    void loadRejectsDuplicateAndSelfDependencies() {
        TopologyException duplicate = failureOf(TWO_COMPONENTS + """
                dependencies:
                  - { from: web, to: db }
                  - { from: web, to: db, callsPerRequest: 2 }
                """);
        TopologyException self = failureOf(TWO_COMPONENTS + """
                dependencies:
                  - { from: web, to: web }
                """);

        assertThat(duplicate.line()).isEqualTo(15);
        assertThat(duplicate.problem()).isEqualTo("duplicate dependency web -> db (first declared at line 14)");
        assertThat(self.field()).isEqualTo("dependencies[0].to");
        assertThat(self.problem()).contains("cannot depend on itself");
    }

    @Test
    void loadRejectsBadTimeoutAndBadRequiredFlag() {
        TopologyException timeout = failureOf(TWO_COMPONENTS + """
                dependencies:
                  - { from: web, to: db, timeout: soon }
                """);
        TopologyException required = failureOf(TWO_COMPONENTS + """
                dependencies:
                  - { from: web, to: db, required: maybe }
                """);

        assertThat(timeout.field()).isEqualTo("dependencies[0].timeout");
        assertThat(timeout.problem()).startsWith("bad duration 'soon'");
        assertThat(required.field()).isEqualTo("dependencies[0].required");
        assertThat(required.problem()).isEqualTo("expected true or false, found 'maybe'");
    }

    @Test
    void loadRejectsBadIdAndNestedValues() {
        TopologyException badId = failureOf("""
                name: ids
                components:
                  - { id: Web_Front, kind: service, tier: 0, team: storefront, capacity: 10 }
                """);
        TopologyException nested = failureOf("""
                name: nested
                components:
                  - { id: web, kind: service, tier: 0, team: [a, b], capacity: 10 }
                """);

        assertThat(badId.field()).isEqualTo("components[0].id");
        assertThat(badId.problem()).startsWith("bad id 'Web_Front'");
        assertThat(nested.field()).isEqualTo("components[0].team");
        assertThat(nested.problem()).isEqualTo("expected a single value, found a list");
    }

    @Test
    void loadRejectsAFieldGivenTwice() {
        TopologyException e = failureOf("""
                name: twice
                components:
                  - id: web
                    kind: service
                    tier: 0
                    team: storefront
                    capacity: 10
                    capacity: 20
                """);

        assertThat(e.line()).isEqualTo(8);
        assertThat(e.field()).isEqualTo("components[0].capacity");
        assertThat(e.problem()).isEqualTo("field given twice");
    }

    @Test
    void loadRequiresAtLeastOneComponent() {
        TopologyException e = failureOf("name: nothing\ncomponents: []\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("components");
    }

    @Test
    void loadNamesAMissingFile() {
        Path missing = dir.resolve("nope.yaml");

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(missing));

        assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
    }

    @Test
    void loadResourceNamesMissingResource() {
        TopologyException e = catchThrowableOfType(TopologyException.class,
                () -> TopologyLoader.loadResource("topologies/nope.yaml"));

        assertThat(e.getMessage()).isEqualTo("topologies/nope.yaml: no such resource on the classpath");
    }

    @Test
    void loadReadsFileWrittenToDisk() throws IOException, TopologyException {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TWO_COMPONENTS);

        Topology topology = TopologyLoader.load(file);

        assertThat(topology.name()).isEqualTo("tiny");
        assertThat(topology.size()).isEqualTo(2);
    }

    private static TopologyException failureOf(String yaml) {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.loadText("test.yaml", yaml));
        assertThat(e).as("expected the YAML to be rejected").isNotNull();
        assertThat(e.sourceName()).isEqualTo("test.yaml");
        return e;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(TopologyLoaderTests.class.getResource("/topologies/bad/" + name), name).toURI());
    }
}
