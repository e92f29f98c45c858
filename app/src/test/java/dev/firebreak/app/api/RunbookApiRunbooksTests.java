package dev.firebreak.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search, read, write, plan and learn through the API. */
class RunbookApiRunbooksTests {

    @TempDir
    Path root;
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(root);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get(field).asText()));
        return ids;
    }

    @Test
    void searchByAlertReturnsOnlyTheRunbooksAnsweringItWithTheReason() {
        ApiFixture.Reply reply = api.get("/runbooks?alert=databaseconnectionsexhausted");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode match = reply.body().get("matches").get(0);
        assertThat(ids(reply.body().get("matches"), "id")).containsExactly("pool-reset");
        assertThat(match.get("title").asText()).isEqualTo("Reset the connection pool");
        assertThat(match.get("score").asDouble()).isEqualTo(10);
        assertThat(match.get("reasons").get(0).asText()).isEqualTo("answers alert databaseconnectionsexhausted");
        assertThat(match.get("tags").toString()).isEqualTo("[\"database\",\"connections\"]");
        assertThat(match.get("alerts").toString()).isEqualTo("[\"DatabaseConnectionsExhausted\"]");
    }

    @Test
    void searchByAlertNameAsWordsRanksTheRunbookWhoseAlertsContainItFirst() {
        // failover only mentions the alert in its description; cache-warm not at all
        ApiFixture.Reply reply = api.get("/runbooks?q=DatabaseConnectionsExhausted");

        JsonNode matches = reply.body().get("matches");
        assertThat(ids(matches, "id")).containsExactly("pool-reset", "failover");
        assertThat(matches.get(0).get("score").asDouble()).isGreaterThan(matches.get(1).get("score").asDouble());
        assertThat(reply.body().get("problems")).isEmpty();
    }

    @Test
    void searchFiltersCombineAndAnUnknownParameterIsRefused() {
        assertThat(ids(api.get("/runbooks?tag=database&componentKind=database").body().get("matches"), "id"))
                .containsExactly("failover", "pool-reset");
        assertThat(ids(api.get("/runbooks?faultKind=connection-leak").body().get("matches"), "id"))
                .containsExactly("pool-reset");
        assertThat(ids(api.get("/runbooks").body().get("matches"), "id")).containsExactly("cache-warm", "failover", "pool-reset");
        ApiFixture.Reply unknown = api.get("/runbooks?severity=high");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).startsWith("unknown query parameter 'severity'");
    }

    @Test
    void runbookShowsItsStepsParametersSourceAndLearning() {
        JsonNode runbook = api.get("/runbooks/pool-reset").body();

        assertThat(runbook.get("id").asText()).isEqualTo("pool-reset");
        assertThat(runbook.get("kind").asText()).isEqualTo("static");
        assertThat(runbook.get("yaml").asText()).isEqualTo(ApiFixture.POOL_RESET);
        JsonNode step = runbook.get("steps").get(0);
        assertThat(step.get("id").asText()).isEqualTo("reset");
        assertThat(step.get("type").asText()).isEqualTo("command");
        assertThat(step.get("approval").asBoolean()).isTrue();
        assertThat(step.get("critical").asBoolean()).isFalse();
        assertThat(step.get("hasRollback").asBoolean()).isFalse();
        assertThat(step.get("timeout").asText()).isEqualTo("PT5M");
        JsonNode parameter = runbook.get("parameters").get(0);
        assertThat(parameter.get("name").asText()).isEqualTo("database");
        assertThat(parameter.get("type").asText()).isEqualTo("component");
        assertThat(parameter.get("default").asText()).isEqualTo("postgres-primary");
        JsonNode learning = runbook.get("learning");
        assertThat(learning.get("runs").asInt()).isZero();
        assertThat(learning.get("successRate").isNull()).isTrue();
        assertThat(learning.get("p50").asText()).isEqualTo("PT0S");
    }

    @Test
    void invalidYamlIs422NamingTheLineAndField() {
        String yaml = """
                id: pool-reset
                title: Broken
                steps:
                  - id: one
                    type: command
                    simulator: {action: explode, target: cart}
                """;

        ApiFixture.Reply reply = api.put("/runbooks/pool-reset", Map.of("yaml", yaml));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error()).matches("runbook:6: steps\\[0\\]\\.simulator.*explode.*");
        assertThat(api.get("/runbooks/pool-reset").body().get("title").asText()).isEqualTo("Reset the connection pool");
    }

    @Test
    void putCreatesThenReplacesARunbookWhoseIdIsThePathsOnly() {
        String yaml = """
                id: restart-cart
                title: Restart the cart
                steps:
                  - id: restart
                    type: command
                    simulator: {action: restart, target: cart}
                """;

        ApiFixture.Reply created = api.put("/runbooks/restart-cart", Map.of("yaml", yaml));
        ApiFixture.Reply replaced = api.put("/runbooks/restart-cart", Map.of("yaml", yaml.replace("Restart the cart",
                "Restart the cart service")));
        ApiFixture.Reply elsewhere = api.put("/runbooks/other-id", Map.of("yaml", yaml));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/runbooks/restart-cart");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.get("/runbooks/restart-cart").body().get("title").asText()).isEqualTo("Restart the cart service");
        assertThat(api.dataDir.resolve("runbooks/restart-cart.yaml")).exists();
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.error()).contains("'restart-cart'").contains("'other-id'");
        assertThat(api.get("/runbooks/other-id").status()).isEqualTo(404);
    }

    @Test
    void planShowsWhatEachStepWouldRunWithoutRunningIt() {
        ApiFixture.Reply reply = api.post("/runbooks/pool-reset/plan", Map.of("environment", "simulator",
                "parameters", Map.of("database", "postgres-replica"), "mode", "approval_only"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode step = reply.body().get("steps").get(0);
        assertThat(step.get("rendered").asText()).isEqualTo("action reset the connection pool of postgres-replica");
        assertThat(step.get("approvals").asInt()).isEqualTo(1);
        assertThat(step.get("problem").isNull()).isTrue();
        assertThat(reply.body().get("mode").asText()).isEqualTo("approval_only");
        assertThat(api.desk.executions()).isEmpty();
    }

    @Test
    void reportedOutcomesAreLearnedAndPatternsListRunbooksByRuns() {
        ApiFixture.Reply first = api.post("/runbooks/pool-reset/outcomes", Map.of("succeeded", true,
                "faultKind", "connection-leak", "durationSeconds", 300, "actor", "ana"));
        api.post("/runbooks/pool-reset/outcomes", Map.of("succeeded", false, "durationSeconds", 600.5, "actor", "bob"));
        api.post("/runbooks/failover/outcomes", Map.of("succeeded", true, "faultKind", "database-failure",
                "durationSeconds", 120, "actor", "ana"));
        ApiFixture.Reply negative = api.post("/runbooks/failover/outcomes", Map.of("succeeded", true,
                "durationSeconds", -1, "actor", "ana"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("outcome").get("duration").asText()).isEqualTo("PT5M");
        assertThat(first.body().get("learning").get("runs").asInt()).isEqualTo(1);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.error()).isEqualTo("field 'durationSeconds': must not be negative, was -1");
        assertThat(api.executions.outcomes()).hasSize(3);

        JsonNode patterns = api.get("/patterns").body().get("patterns");
        assertThat(ids(patterns, "runbookId")).containsExactly("pool-reset", "failover", "cache-warm");
        JsonNode pool = patterns.get(0);
        assertThat(pool.get("runs").asInt()).isEqualTo(2);
        assertThat(pool.get("succeeded").asInt()).isEqualTo(1);
        assertThat(pool.get("successRate").asDouble()).isEqualTo(0.5);
        assertThat(pool.get("p50Seconds").asDouble()).isEqualTo(300);
        assertThat(pool.get("p90Seconds").asDouble()).isEqualTo(600.5);
        assertThat(pool.get("faultKindsResolved").toString()).isEqualTo("[\"connection-leak\"]");
        assertThat(patterns.get(2).get("runs").asInt()).isZero();
        assertThat(patterns.get(2).get("successRate").isNull()).isTrue();
        assertThat(api.get("/runbooks/failover").body().get("learning").get("faultKindsResolved").toString())
                .isEqualTo("[\"database-failure\"]");
    }
}
