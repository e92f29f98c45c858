package dev.firebreak.app.api;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.assembly.EnginePorts;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.app.assembly.RunbookSetup;
import dev.firebreak.app.wiring.TopologyCatalog;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionChanged;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.heal.HaltStore;
import dev.firebreak.engine.heal.HealingStore;
import dev.firebreak.engine.heal.PlaybookLibrary;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.views.session.RunbookDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A runbook API on a real engine (the shop topology, runs in memory) with a few runbooks of its own, and an HTTP client
 * that sends the token. Closing it stops the server and the engine.
 */
final class ApiFixture implements AutoCloseable {

    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** How long a test waits for a run to move on its worker thread before failing. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** One step that waits for an approval in approval_only mode; answers the connections alert first. */
    static final String POOL_RESET = """
            id: pool-reset
            title: Reset the connection pool
            description: Drops every pooled connection so callers reconnect.
            tags: [database, connections]
            alerts: [DatabaseConnectionsExhausted]
            faultKinds: [connection-leak]
            componentKinds: [database]
            parameters:
              - name: database
                type: component
                default: postgres-primary
            steps:
              - id: reset
                type: command
                simulator: {action: reset-pool, target: "{{params.database}}"}
                approval: true
            """;

    /** A critical step: two different people must approve it. */
    static final String FAILOVER = """
            id: failover
            title: Fail over the database
            description: When DatabaseConnectionsExhausted persists after a pool reset, move to the replica.
            tags: [database]
            alerts: [DatabaseDown]
            faultKinds: [database-failure]
            componentKinds: [database]
            steps:
              - id: promote
                type: command
                simulator: {action: failover, target: postgres-primary}
                critical: true
            """;

    /** Nothing about databases. */
    static final String CACHE_WARM = """
            id: cache-warm
            title: Warm the catalog cache
            tags: [cache]
            alerts: [CacheHitRateLow]
            steps:
              - id: warm
                type: command
                simulator: {action: warm-cache, target: catalog-cache}
            """;

    final Path dataDir;
    final EngineSession engine;
    final RunbookDesk desk;
    final ExecutionStore executions;
    final dev.firebreak.views.session.HealingDesk healing;
    final RunbookApiServer server;
    final InetSocketAddress address;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(PATIENCE).build();
    private String token;

    ApiFixture(Path root) throws Exception {
        this.dataDir = Files.createDirectories(root.resolve("data"));
        Path shipped = Files.createDirectories(root.resolve("shipped"));
        Files.writeString(shipped.resolve("pool-reset.yaml"), POOL_RESET);
        Files.writeString(shipped.resolve("failover.yaml"), FAILOVER);
        Files.writeString(shipped.resolve("cache-warm.yaml"), CACHE_WARM);
        this.executions = ExecutionStore.inMemory();
        RunbookSetup setup = new RunbookSetup(executions, Optional.empty(),
                RunbookLibrary.load(List.of(shipped), Optional.of(dataDir.resolve("runbooks"))), HaltStore.inMemory(),
                HealingStore.inMemory(), PlaybookLibrary.empty(), RunbookSetup.SIMULATOR, RunbookEngineConfig.defaults());
        this.engine = EngineSession.assemble(TopologyCatalog.resolve("shop", 42),
                EngineOptions.headless(42, Instant.parse("2026-12-06T10:00:00Z")), IncidentStore.inMemory(),
                FeedbackStore.inMemory(), setup);
        this.desk = EnginePorts.of(engine).runbooks();
        this.healing = EnginePorts.of(engine).healing();
        this.server = new RunbookApiServer(RunbookApiConfig.loopback(0, dataDir), desk, executions::saveOutcome);
        this.address = server.start();
    }

    String token() {
        if (token == null) {
            try {
                token = Files.readString(dataDir.resolve(RunbookApiServer.TOKEN_FILE), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return token;
    }

    String url(String path) {
        return "http://127.0.0.1:" + address.getPort() + RunbookApiServer.BASE_PATH + path;
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(url(path)).header("Authorization", "Bearer " + token());
    }

    Reply get(String path) {
        return call(request(path).get().build());
    }

    Reply post(String path, String json) {
        return call(request(path).post(RequestBody.create(json, JSON)).build());
    }

    Reply post(String path, Map<String, ?> body) {
        return post(path, json(body));
    }

    Reply put(String path, Map<String, ?> body) {
        return call(request(path).put(RequestBody.create(json(body), JSON)).build());
    }

    Reply call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            return new Reply(response.code(), text.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(text), response.headers().toMultimap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Map<String, ?> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (on the engine's change events, not on a clock) until run {@code id} satisfies {@code condition}. */
    Execution awaitRun(long id, Predicate<Execution> condition, String what) throws InterruptedException {
        BlockingQueue<Execution> changes = new LinkedBlockingQueue<>();
        Subscription subscription = engine.events().subscribe(ExecutionChanged.class, event -> {
            if (event.execution().id() == id) {
                changes.add(event.execution());
            }
        });
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Execution now = desk.execution(id).orElseThrow();
            while (!condition.test(now)) {
                long left = deadline - System.nanoTime();
                Execution changed = left <= 0 ? null : changes.poll(left, TimeUnit.NANOSECONDS);
                if (changed == null) {
                    fail("run " + id + " did not reach " + what + " within " + PATIENCE + "; it is " + desk.execution(id)
                            .map(e -> e.state() + " (" + e.message() + ")").orElse("gone"));
                }
                now = condition.test(changed) ? changed : desk.execution(id).orElseThrow();
            }
            return now;
        } finally {
            subscription.close();
        }
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        engine.close();
    }

    /** An answer: status, JSON body, headers (names in lower case). */
    record Reply(int status, JsonNode body, Map<String, List<String>> headers) {
        String error() {
            return body.path("error").asText();
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }
}
