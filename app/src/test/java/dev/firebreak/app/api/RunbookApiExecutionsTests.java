package dev.firebreak.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.engine.runbook.ExecutionState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs through the API: start, status, approvals, refusals, and the other actions a person takes. */
class RunbookApiExecutionsTests {

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

    private long startApprovalOnly(String runbook, String by) throws InterruptedException {
        ApiFixture.Reply started = api.post("/runbooks/" + runbook + "/executions", Map.of("mode", "approval_only",
                "environment", "simulator", "startedBy", by));
        assertThat(started.status()).isEqualTo(201);
        long id = started.body().get("id").asLong();
        assertThat(started.header("Location")).isEqualTo("/api/v1/executions/" + id);
        api.awaitRun(id, run -> run.state() == ExecutionState.WAITING_FOR_APPROVAL, "waiting for approval");
        return id;
    }

    @Test
    void approvalOnlyRunWaitsShowsWhatItWillRunAndRunsTheStepOnceApprovedWithItsHash() throws Exception {
        long id = startApprovalOnly("pool-reset", "ana");

        JsonNode waiting = api.get("/executions/" + id).body();
        assertThat(waiting.get("state").asText()).isEqualTo("waiting_for_approval");
        assertThat(waiting.get("mode").asText()).isEqualTo("approval_only");
        assertThat(waiting.get("currentStep").asText()).isEqualTo("reset");
        assertThat(waiting.get("parameters").get("database").asText()).isEqualTo("postgres-primary");
        JsonNode step = waiting.get("steps").get(0);
        assertThat(step.get("state").asText()).isEqualTo("waiting_for_approval");
        assertThat(step.get("rendered").asText()).isEqualTo("action reset the connection pool of postgres-primary");
        assertThat(step.get("approvalsNeeded").asInt()).isEqualTo(1);
        String hash = step.get("hash").asText();
        assertThat(hash).matches("[0-9a-f]{64}");

        ApiFixture.Reply approved = api.post("/executions/" + id + "/steps/reset/approve", Map.of("person", "bob",
                "hash", hash));
        assertThat(approved.status()).isEqualTo(200);
        api.awaitRun(id, run -> run.state() == ExecutionState.SUCCEEDED, "success");

        JsonNode done = api.get("/executions/" + id).body();
        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        assertThat(done.get("currentStep").isNull()).isTrue();
        JsonNode ran = done.get("steps").get(0);
        assertThat(ran.get("state").asText()).isEqualTo("succeeded");
        assertThat(ran.get("attempts").asInt()).isEqualTo(1);
        assertThat(ran.get("approvals").get(0).get("person").asText()).isEqualTo("bob");
        assertThat(ran.get("approvals").get(0).get("hash").asText()).isEqualTo(hash);
        assertThat(ran.get("startedAt").asText()).endsWith("Z");
        assertThat(ids(api.get("/executions").body().get("executions"))).containsExactly(id);
    }

    @Test
    void sameApproverTwiceOnACriticalStepIs409WithTheEnginesReason() throws Exception {
        long id = startApprovalOnly("failover", "ana");
        String hash = api.get("/executions/" + id).body().get("steps").get(0).get("hash").asText();

        ApiFixture.Reply first = api.post("/executions/" + id + "/steps/promote/approve", Map.of("person", "bob",
                "hash", hash));
        ApiFixture.Reply again = api.post("/executions/" + id + "/steps/promote/approve", Map.of("person", "bob",
                "hash", hash));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("message").asText()).contains("needs a second approver");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("bob already approved step promote; a second approval must come from someone else");
        assertThat(api.get("/executions/" + id).body().get("steps").get(0).get("state").asText())
                .isEqualTo("waiting_for_approval");
    }

    @Test
    void approvalOfAnotherRenderingIs409AndRunsNothing() throws Exception {
        long id = startApprovalOnly("pool-reset", "ana");

        ApiFixture.Reply reply = api.post("/executions/" + id + "/steps/reset/approve", Map.of("person", "bob",
                "hash", "0".repeat(64)));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).contains("changed since it was shown");
        assertThat(api.get("/executions/" + id).body().get("state").asText()).isEqualTo("waiting_for_approval");
    }

    @Test
    void startTheEngineRefusesIs409NamingWhy() {
        ApiFixture.Reply unknownParameter = api.post("/runbooks/pool-reset/executions", Map.of("mode", "automatic",
                "environment", "simulator", "startedBy", "ana", "parameters", Map.of("db", "postgres-primary")));
        ApiFixture.Reply production = api.post("/runbooks/pool-reset/executions", Map.of("mode", "automatic",
                "environment", "production", "startedBy", "ana"));

        assertThat(unknownParameter.status()).isEqualTo(409);
        assertThat(unknownParameter.error()).contains("has no parameter 'db'");
        assertThat(production.status()).isEqualTo(409);
        assertThat(production.error()).contains("protected environment");
        assertThat(api.desk.executions()).isEmpty();
    }

    @Test
    void deniedStepPausesTheRunAndAbortEndsIt() throws Exception {
        long id = startApprovalOnly("pool-reset", "ana");

        ApiFixture.Reply denied = api.post("/executions/" + id + "/steps/reset/deny", Map.of("person", "bob",
                "reason", "not during the sale"));
        ApiFixture.Reply aborted = api.post("/executions/" + id + "/abort", Map.of("person", "bob", "reason", "done"));
        ApiFixture.Reply afterEnd = api.post("/executions/" + id + "/resume", Map.of("person", "bob"));

        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.body().get("state").asText()).isEqualTo("paused");
        assertThat(denied.body().get("steps").get(0).get("state").asText()).isEqualTo("denied");
        assertThat(aborted.body().get("state").asText()).isEqualTo("aborted");
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.error()).contains("ABORTED");
    }

    @Test
    void dryRunIsStoredFinishedWithEveryStepRendered() {
        ApiFixture.Reply reply = api.post("/runbooks/pool-reset/executions", Map.of("mode", "dry-run",
                "environment", "simulator", "startedBy", "ana"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("state").asText()).isEqualTo("succeeded");
        assertThat(reply.body().get("steps").get(0).get("state").asText()).isEqualTo("skipped");
        assertThat(reply.body().get("steps").get(0).get("rendered").asText())
                .isEqualTo("action reset the connection pool of postgres-primary");
    }

    private static java.util.List<Long> ids(JsonNode array) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }
}
