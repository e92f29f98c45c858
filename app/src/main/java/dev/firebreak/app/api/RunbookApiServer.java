package dev.firebreak.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebreak.app.cli.ApiLaunch;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionRefusedException;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.runbook.RunbookOutcome;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.views.session.HealingDesk;
import dev.firebreak.views.session.RunbookDesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbook HTTP API (docs/api/runbooks.openapi.yaml) on the JDK's HTTP server, serving a {@link RunbookDesk}.
 *
 * <ul>
 *   <li>Listens on a loopback address unless {@link RunbookApiConfig#allowNonLoopback()}.</li>
 *   <li>Every request needs {@code Authorization: Bearer TOKEN}, the token of {@code DATA_DIR/api-token} (see
 *       {@link ApiToken}), compared in constant time; without it: 401.</li>
 *   <li>Bodies above {@link #MAX_BODY_BYTES} are refused with 413 unread (by their Content-Length, and by a capped read
 *       when they have none) and the connection is closed.</li>
 *   <li>Every error is {@code {"error": "..."}} naming what was wrong: 400 malformed JSON or a bad field, 404 unknown
 *       runbook, run, step or path, 405 wrong method, 409 refused by the engine, 413 too large, 422 runbook YAML that
 *       does not load ({@code file:line: field: problem}); never a stack trace.</li>
 * </ul>
 *
 * {@link #start()} writes the bound port to {@code DATA_DIR/api.port}; {@link #close()} stops the server and removes
 * that file. Requests are handled on a small fixed pool of daemon threads.
 */
public final class RunbookApiServer implements AutoCloseable {

    /** The bound port, one line, for scripts and tests. */
    public static final String PORT_FILE = "api.port";
    public static final String TOKEN_FILE = ApiToken.FILE;
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final String BASE_PATH = "/api/v1";
    static final int HANDLER_THREADS = 4;
    /** A reported run longer than this is a mistake, not a data point: it would skew every percentile. */
    static final Duration MAX_REPORTED_DURATION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(RunbookApiServer.class);
    private static final List<String> SEARCH_PARAMETERS = List.of("q", "tag", "alert", "componentKind", "faultKind");

    private final RunbookApiConfig config;
    private final RunbookDesk desk;
    private final Consumer<RunbookOutcome> learn;
    private final Clock clock;

    private HttpServer server;
    private ExecutorService handlers;
    private volatile ApiToken token;
    private final Optional<HealingDesk> healing;

    /**
     * @param learn records an outcome reported for a run (the learn endpoint); the app passes
     *              {@code ExecutionStore::saveOutcome}, and {@link RunbookDesk#learning} reads it back
     */
    public RunbookApiServer(RunbookApiConfig config, RunbookDesk desk, Consumer<RunbookOutcome> learn) {
        this(config, desk, Optional.empty(), learn, Clock.systemUTC());
    }

    /** As above, also serving the emergency stop ({@code /halt}) from {@code healing}. */
    public RunbookApiServer(RunbookApiConfig config, RunbookDesk desk, HealingDesk healing, Consumer<RunbookOutcome> learn) {
        this(config, desk, Optional.of(healing), learn, Clock.systemUTC());
    }

    RunbookApiServer(RunbookApiConfig config, RunbookDesk desk, Consumer<RunbookOutcome> learn, Clock clock) {
        this(config, desk, Optional.empty(), learn, clock);
    }

    RunbookApiServer(RunbookApiConfig config, RunbookDesk desk, Optional<HealingDesk> healing, Consumer<RunbookOutcome> learn,
            Clock clock) {
        this.healing = Objects.requireNonNull(healing, "healing");
        this.config = Objects.requireNonNull(config, "config");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.learn = Objects.requireNonNull(learn, "learn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts the API when the command line asked for it ({@code --api}, {@code --api-port}, {@code --api-bind}).
     *
     * @param learn   where reported outcomes go: {@code setup.executions()::saveOutcome}
     * @param dataDir where the token and port files live (the console's data directory)
     * @return the running server, which the caller closes on shutdown; empty when the API was not asked for
     * @throws ApiStartException with a message for the person: an address that does not resolve or is not loopback
     *                           without {@code --api-bind}, a port in use, a token file others can read
     */
    public static Optional<RunbookApiServer> startIfAsked(LaunchOptions options, RunbookDesk desk, HealingDesk healing,
            Consumer<RunbookOutcome> learn, Path dataDir) throws ApiStartException {
        if (options.api().isEmpty()) {
            return Optional.empty();
        }
        ApiLaunch launch = options.api().get();
        InetAddress address;
        try {
            address = InetAddress.getByName(launch.bind());
        } catch (UnknownHostException e) {
            throw new ApiStartException("--api-bind: '" + launch.bind() + "' is not an address this machine can resolve", e);
        }
        RunbookApiConfig config;
        try {
            config = new RunbookApiConfig(address, launch.port(), dataDir, launch.allowNonLoopback());
        } catch (IllegalArgumentException e) {
            throw new ApiStartException(e.getMessage(), e);
        }
        RunbookApiServer server = new RunbookApiServer(config, desk, healing, learn);
        server.start();
        return Optional.of(server);
    }

    /**
     * Reads (or creates) the token, binds, starts serving and writes {@code DATA_DIR/api.port}.
     *
     * @return the bound address (with the port taken when the configured one is 0)
     */
    public synchronized InetSocketAddress start() throws ApiStartException {
        if (server != null) {
            throw new IllegalStateException("the runbook API is already started");
        }
        token = ApiToken.loadOrCreate(config.dataDir());
        String where = config.bind().getHostAddress() + ":" + config.port();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 0);
        } catch (BindException e) {
            throw new ApiStartException("cannot serve the runbook API on " + where + ": " + e.getMessage()
                    + (config.port() == 0 ? "" : "; another program may hold the port: pick another with --api-port"), e);
        } catch (IOException e) {
            throw new ApiStartException("cannot serve the runbook API on " + where + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(HANDLER_THREADS,
                Thread.ofPlatform().daemon().name("firebreak-api-", 1).factory());
        http.createContext("/", this::handle);
        http.setExecutor(pool);
        http.start();
        InetSocketAddress bound = http.getAddress();
        try {
            writePortFile(bound.getPort());
        } catch (IOException e) {
            http.stop(0);
            pool.shutdownNow();
            throw new ApiStartException("cannot write the API port file " + config.dataDir().resolve(PORT_FILE) + ": "
                    + e.getMessage(), e);
        }
        server = http;
        handlers = pool;
        LOG.info("Runbook API on http://{}:{}{}/ (bearer token in {})", bound.getAddress().getHostAddress(), bound.getPort(),
                BASE_PATH, config.dataDir().resolve(TOKEN_FILE));
        return bound;
    }

    /** Where it listens, once started. */
    public synchronized Optional<InetSocketAddress> address() {
        return server == null ? Optional.empty() : Optional.of(server.getAddress());
    }

    /** Stops serving at once (requests in flight are cut off) and removes {@code DATA_DIR/api.port}. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        handlers.shutdownNow();
        server = null;
        handlers = null;
        try {
            Files.deleteIfExists(config.dataDir().resolve(PORT_FILE));
        } catch (IOException e) {
            LOG.warn("Cannot remove the API port file {}: {}", config.dataDir().resolve(PORT_FILE), e.getMessage());
        }
    }

    private void writePortFile(int port) throws IOException {
        Path target = config.dataDir().resolve(PORT_FILE);
        Path temporary = Files.createTempFile(config.dataDir(), PORT_FILE, ".tmp");
        try {
            Files.writeString(temporary, port + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // ---------------------------------------------------------------- requests

    /** What a request is answered with. */
    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body, Map.of());
        }

        static Reply created(JsonNode body, String location) {
            return new Reply(201, body, Map.of("Location", location));
        }
    }

    @FunctionalInterface
    private interface Endpoint {
        Reply answer() throws RunbookException;
    }

    private void handle(HttpExchange exchange) {
        Reply reply;
        try {
            authenticate(exchange);
            refuseDeclaredOversize(exchange);
            reply = route(exchange);
        } catch (ApiException e) {
            reply = switch (e.status()) {
                case 401 -> new Reply(401, ApiJson.error(e.getMessage()), Map.of("WWW-Authenticate", "Bearer realm=\"firebreak\""));
                // the rest of the body is not read: the connection cannot carry another request
                case 413 -> new Reply(413, ApiJson.error(e.getMessage()), Map.of("Connection", "close"));
                default -> new Reply(e.status(), ApiJson.error(e.getMessage()), Map.of());
            };
        } catch (MethodNotAllowed e) {
            reply = new Reply(405, ApiJson.error(e.getMessage()), Map.of("Allow", e.allowed));
        } catch (ExecutionRefusedException e) {
            reply = new Reply(409, ApiJson.error(e.getMessage()), Map.of());
        } catch (RunbookException e) {
            reply = new Reply(422, ApiJson.error(e.getMessage()), Map.of());
        } catch (IllegalArgumentException e) {
            reply = new Reply(400, ApiJson.error(e.getMessage() == null ? "invalid request" : e.getMessage()), Map.of());
        } catch (RuntimeException e) {
            LOG.error("Runbook API failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            reply = new Reply(500, ApiJson.error("the API failed on this request; the console's log has the details"),
                    Map.of());
        }
        send(exchange, reply);
    }

    private void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            LOG.debug("{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), reply.status());
        } catch (IOException e) {
            LOG.debug("Runbook API client went away before its answer: {}", e.getMessage());
        }
    }

    private void authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String scheme = "Bearer ";
        boolean valid = header != null && header.regionMatches(true, 0, scheme, 0, scheme.length())
                && token.matches(header.substring(scheme.length()).strip());
        if (!valid) {
            throw new ApiException(401, "missing or wrong bearer token: send 'Authorization: Bearer <token>' with the token"
                    + " from the " + TOKEN_FILE + " file of Firebreak's data directory");
        }
    }

    private static void refuseDeclaredOversize(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length '" + declared + "' is not a number");
        }
        if (length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes (256 KiB)");
    }

    /** The body, read up to one byte past the limit: a body without Content-Length cannot grow without bound either. */
    private static byte[] body(HttpExchange exchange) {
        try {
            InputStream in = exchange.getRequestBody();
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    private static JsonRequest json(HttpExchange exchange, String... fields) {
        return JsonRequest.parse(ApiJson.MAPPER, body(exchange), List.of(fields));
    }

    /** Thrown for a known path asked with a method it does not take. */
    private static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String allowed;

        MethodNotAllowed(String method, String path, String allowed) {
            super(method + " is not allowed on " + path + "; use " + allowed, null, false, false);
            this.allowed = allowed;
        }
    }

    private Reply route(HttpExchange exchange) throws RunbookException {
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> parts = segments(rawPath);
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Map<String, Endpoint> endpoints = endpoints(exchange, parts, query);
        if (endpoints.isEmpty()) {
            throw ApiException.notFound("no endpoint " + rawPath + "; the API is described in docs/api/runbooks.openapi.yaml");
        }
        Endpoint endpoint = endpoints.get(method);
        if (endpoint == null) {
            throw new MethodNotAllowed(method, rawPath, String.join(", ", new TreeSet<>(endpoints.keySet())));
        }
        boolean search = parts.size() == 1 && parts.getFirst().equals("runbooks");
        if (!search && !query.isEmpty()) {
            throw ApiException.badRequest("unknown query parameter '" + query.keySet().iterator().next() + "'; only GET "
                    + BASE_PATH + "/runbooks takes query parameters");
        }
        return endpoint.answer();
    }

    /** The endpoints of a path by method; empty when the path is none of the API's. */
    private Map<String, Endpoint> endpoints(HttpExchange exchange, List<String> parts, Map<String, String> query) {
        int n = parts.size();
        String first = n == 0 ? "" : parts.getFirst();
        if (first.equals("runbooks")) {
            if (n == 1) {
                return Map.of("GET", () -> search(query));
            }
            String id = parts.get(1);
            if (n == 2) {
                return Map.of("GET", () -> Reply.ok(runbookJson(runbook(id))), "PUT", () -> save(exchange, id));
            }
            if (n == 3) {
                return switch (parts.get(2)) {
                    case "plan" -> Map.of("POST", () -> plan(exchange, runbook(id)));
                    case "executions" -> Map.of("POST", () -> start(exchange, runbook(id)));
                    case "outcomes" -> Map.of("POST", () -> learn(exchange, runbook(id)));
                    default -> Map.of();
                };
            }
        } else if (first.equals("executions")) {
            if (n == 1) {
                return Map.of("GET", this::executions);
            }
            String id = parts.get(1);
            if (n == 2) {
                return Map.of("GET", () -> Reply.ok(ApiJson.execution(execution(id))));
            }
            if (n == 3) {
                return switch (parts.get(2)) {
                    case "rollback" -> Map.of("POST", () -> runAction(exchange, id, "rollback"));
                    case "abort" -> Map.of("POST", () -> runAction(exchange, id, "abort"));
                    case "resume" -> Map.of("POST", () -> runAction(exchange, id, "resume"));
                    default -> Map.of();
                };
            }
            if (n == 5 && parts.get(2).equals("steps")) {
                String step = parts.get(3);
                return switch (parts.get(4)) {
                    case "approve", "deny", "skip", "retry" -> Map.of("POST", () -> stepAction(exchange, id, step, parts.get(4)));
                    default -> Map.of();
                };
            }
        } else if (first.equals("patterns") && n == 1) {
            return Map.of("GET", this::patterns);
        } else if (first.equals("halt") && healing.isPresent()) {
            if (n == 1) {
                return Map.of("GET", this::haltState, "POST", () -> halt(exchange, true));
            }
            if (n == 2 && parts.get(1).equals("release")) {
                return Map.of("POST", () -> halt(exchange, false));
            }
        }
        return Map.of();
    }

    private Reply haltState() {
        var node = ApiJson.MAPPER.createObjectNode();
        var current = healing.orElseThrow().halt();
        node.put("latched", current.isPresent());
        current.ifPresent(h -> node.put("person", h.person()).put("reason", h.reason()).put("at", h.at().toString()));
        return Reply.ok(node);
    }

    /** Presses or releases HALT; pressing an already latched one (or releasing a free one) is a conflict. */
    private Reply halt(HttpExchange exchange, boolean press) {
        JsonRequest body = json(exchange, "person", "reason");
        String person = body.requiredText("person");
        String reason = body.requiredText("reason");
        try {
            if (press) {
                healing.orElseThrow().pressHalt(person, reason);
            } else {
                healing.orElseThrow().releaseHalt(person, reason);
            }
        } catch (IllegalStateException e) {
            throw new ExecutionRefusedException(e.getMessage());
        }
        return haltState();
    }

    private static List<String> segments(String rawPath) {
        String prefix = BASE_PATH + "/";
        if (rawPath == null || !rawPath.startsWith(prefix)) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String raw : rawPath.substring(prefix.length()).split("/", -1)) {
            if (raw.isEmpty()) {
                return List.of();
            }
            parts.add(decode(raw.replace("+", "%2B")));
        }
        return parts;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (values.put(name, value) != null) {
                throw ApiException.badRequest("query parameter '" + name + "' given twice");
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding in '" + text + "'");
        }
    }

    // ---------------------------------------------------------------- runbooks

    private Runbook runbook(String id) {
        return desk.runbook(id).orElseThrow(() -> ApiException.notFound("no runbook '" + id + "'"));
    }

    private ObjectNode runbookJson(Runbook runbook) {
        return ApiJson.runbook(runbook, desk.learning(runbook.id()));
    }

    private Reply search(Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!SEARCH_PARAMETERS.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; the search takes "
                        + String.join(", ", SEARCH_PARAMETERS));
            }
        }
        RunbookLibrary.Query search = new RunbookLibrary.Query(query.get("q"), query.get("tag"), query.get("componentKind"),
                query.get("alert"), query.get("faultKind"));
        ObjectNode body = ApiJson.object();
        ArrayNode matches = body.putArray("matches");
        desk.search(search).forEach(match -> matches.add(ApiJson.match(match)));
        ApiJson.strings(body.putArray("problems"), desk.problems().stream().map(Throwable::getMessage).toList());
        return Reply.ok(body);
    }

    private Reply save(HttpExchange exchange, String id) throws RunbookException {
        String yaml = json(exchange, "yaml").requiredText("yaml");
        Runbook parsed = desk.validate(yaml);
        if (!parsed.id().equals(id)) {
            throw ApiException.badRequest("the YAML's id is '" + parsed.id() + "' but the path names '" + id
                    + "'; PUT it to " + BASE_PATH + "/runbooks/" + parsed.id());
        }
        boolean existed = desk.runbook(id).isPresent();
        Runbook saved = desk.save(yaml);
        ObjectNode body = runbookJson(saved);
        return existed ? Reply.ok(body) : Reply.created(body, BASE_PATH + "/runbooks/" + saved.id());
    }

    private Reply plan(HttpExchange exchange, Runbook runbook) {
        JsonRequest body = json(exchange, "environment", "parameters", "labels", "incidentId", "mode");
        String environment = body.requiredText("environment");
        Map<String, String> parameters = body.textMap("parameters");
        Map<String, String> labels = body.textMap("labels");
        Optional<Long> incident = body.optionalLong("incidentId");
        ExecutionMode mode = body.optionalChoice("mode", ExecutionMode.class).orElse(ExecutionMode.DRY_RUN);
        StartRequest request = new StartRequest(runbook, mode, environment, "api", incident, parameters, labels, "");
        List<PlannedStep> planned = desk.plan(request);
        return Reply.ok(ApiJson.plan(runbook, JsonRequest.choice(mode), environment, planned));
    }

    private Reply start(HttpExchange exchange, Runbook runbook) {
        JsonRequest body = json(exchange, "mode", "environment", "parameters", "labels", "incidentId", "startedBy",
                "confirmation");
        ExecutionMode mode = body.requiredChoice("mode", ExecutionMode.class);
        String environment = body.requiredText("environment");
        String startedBy = body.requiredText("startedBy");
        StartRequest request = new StartRequest(runbook, mode, environment, startedBy, body.optionalLong("incidentId"),
                body.textMap("parameters"), body.textMap("labels"), body.optionalText("confirmation").orElse(""));
        Execution started = desk.start(request);
        return Reply.created(ApiJson.execution(started), BASE_PATH + "/executions/" + started.id());
    }

    private Reply learn(HttpExchange exchange, Runbook runbook) {
        JsonRequest body = json(exchange, "succeeded", "faultKind", "durationSeconds", "actor");
        boolean succeeded = body.requiredBoolean("succeeded");
        double seconds = body.requiredNonNegativeNumber("durationSeconds");
        if (seconds > MAX_REPORTED_DURATION.toSeconds()) {
            throw ApiException.badRequest("field 'durationSeconds': at most " + MAX_REPORTED_DURATION.toSeconds()
                    + " (30 days), was " + seconds);
        }
        String actor = body.requiredText("actor");
        String faultKind = body.optionalText("faultKind").map(String::strip).orElse("");
        RunbookOutcome outcome = new RunbookOutcome(runbook.id(), succeeded, faultKind,
                Duration.ofMillis(Math.round(seconds * 1000)), actor, clock.instant());
        learn.accept(outcome);
        ObjectNode reply = ApiJson.object();
        reply.set("outcome", ApiJson.outcome(outcome));
        reply.set("learning", ApiJson.learning(desk.learning(runbook.id())));
        return Reply.created(reply, BASE_PATH + "/runbooks/" + runbook.id());
    }

    private Reply patterns() {
        record Pattern(Runbook runbook, RunbookLearning learning) {
        }
        List<Pattern> patterns = desk.runbooks().stream().map(r -> new Pattern(r, desk.learning(r.id())))
                .sorted(Comparator.comparingInt((Pattern p) -> p.learning().runs()).reversed()
                        .thenComparing(p -> p.runbook().id()))
                .toList();
        ObjectNode body = ApiJson.object();
        ArrayNode list = body.putArray("patterns");
        patterns.forEach(p -> list.add(ApiJson.pattern(p.runbook(), p.learning())));
        return Reply.ok(body);
    }

    // ---------------------------------------------------------------- runs

    private Reply executions() {
        ObjectNode body = ApiJson.object();
        ArrayNode list = body.putArray("executions");
        desk.executions().forEach(execution -> list.add(ApiJson.execution(execution)));
        return Reply.ok(body);
    }

    private Execution execution(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no execution '" + id + "'");
        }
        return desk.execution(number).orElseThrow(() -> ApiException.notFound("no execution " + id));
    }

    private Reply runAction(HttpExchange exchange, String id, String action) {
        Execution execution = execution(id);
        Execution after = switch (action) {
            case "rollback" -> {
                JsonRequest body = json(exchange, "person", "reason");
                yield desk.rollBack(execution.id(), body.requiredText("person"), body.requiredText("reason"));
            }
            case "abort" -> {
                JsonRequest body = json(exchange, "person", "reason");
                yield desk.abort(execution.id(), body.requiredText("person"), body.requiredText("reason"));
            }
            case "resume" -> desk.resume(execution.id(), json(exchange, "person").requiredText("person"));
            default -> throw new IllegalStateException("no run action " + action);
        };
        return Reply.ok(ApiJson.execution(after));
    }

    private Reply stepAction(HttpExchange exchange, String id, String stepId, String action) {
        Execution execution = execution(id);
        if (execution.runbook().step(stepId).isEmpty()) {
            throw ApiException.notFound("execution " + id + " (runbook " + execution.runbook().id() + ") has no step '"
                    + stepId + "'");
        }
        Execution after = switch (action) {
            case "approve" -> {
                JsonRequest body = json(exchange, "person", "hash", "confirmation");
                yield desk.approve(execution.id(), stepId, body.requiredText("person"), body.requiredText("hash"),
                        body.optionalText("confirmation").orElse(""));
            }
            case "deny" -> {
                JsonRequest body = json(exchange, "person", "reason");
                yield desk.deny(execution.id(), stepId, body.requiredText("person"), body.requiredText("reason"));
            }
            case "skip" -> {
                JsonRequest body = json(exchange, "person", "reason");
                yield desk.skip(execution.id(), stepId, body.requiredText("person"), body.requiredText("reason"));
            }
            case "retry" -> desk.retry(execution.id(), stepId, json(exchange, "person").requiredText("person"));
            default -> throw new IllegalStateException("no step action " + action);
        };
        return Reply.ok(ApiJson.execution(after));
    }
}
