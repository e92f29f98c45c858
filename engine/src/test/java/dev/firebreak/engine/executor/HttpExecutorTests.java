package dev.firebreak.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExecutorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MockWebServer server = new MockWebServer();
    private final Executor executor = Executors.http(new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .build());

    @BeforeEach
    void startServer() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private static Invocation.Http get(String url, int expectStatus, String expectBody, Duration timeout) {
        return new Invocation.Http("GET", url, Map.of(), "", expectStatus, expectBody, timeout);
    }

    @Test
    void methodHeadersAndJsonBodyArriveAsGiven() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(202).setBody("queued"));
        Invocation.Http put = new Invocation.Http("PUT", url("/scale/checkout"),
                Map.of("Authorization", "Bearer t0ken", "X-Firebreak-Step", "3"), "{\"replicas\": 4}", 202, "",
                TIMEOUT);

        Outcome outcome = executor.run(put, OutputSink.NONE);

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getPath()).isEqualTo("/scale/checkout");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(request.getHeader("X-Firebreak-Step")).isEqualTo("3");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"replicas\": 4}");
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.output()).isEqualTo("queued");
    }

    @Test
    void aBodyThatIsNotJsonIsSentAsPlainText() throws InterruptedException {
        server.enqueue(new MockResponse());

        executor.run(new Invocation.Http("POST", url("/note"), Map.of(), "drain node-7", 200, "", TIMEOUT),
                OutputSink.NONE);

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeader("Content-Type")).startsWith("text/plain");
        assertThat(request.getBody().readUtf8()).isEqualTo("drain node-7");
    }

    @Test
    void anExplicitContentTypeWins() throws InterruptedException {
        server.enqueue(new MockResponse());

        executor.run(new Invocation.Http("POST", url("/q"), Map.of("Content-Type", "application/x-ndjson"),
                "{\"a\":1}\n", 200, "", TIMEOUT), OutputSink.NONE);

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Content-Type"))
                .isEqualTo("application/x-ndjson");
    }

    @Test
    void unexpectedStatusFailsNamingBothStatuses() {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("overloaded"));

        Outcome outcome = executor.run(get(url("/health"), 200, "", TIMEOUT), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(outcome.message()).contains("expected status 200").contains("got 503");
        assertThat(outcome.output()).isEqualTo("overloaded");
    }

    @Test
    void bodyWithoutTheExpectedTextFails() {
        server.enqueue(new MockResponse().setBody("{\"status\":\"DOWN\"}"));

        Outcome outcome = executor.run(get(url("/health"), 200, "\"status\":\"UP\"", TIMEOUT), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(outcome.message()).contains("does not contain '\"status\":\"UP\"'");
    }

    @Test
    void bodyWithTheExpectedTextSucceedsAndStreamsItsLines() {
        server.enqueue(new MockResponse().setBody("db: UP\ncache: UP\n"));
        List<String> lines = new ArrayList<>();

        Outcome outcome = executor.run(get(url("/health"), 200, "cache: UP", TIMEOUT), lines::add);

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(lines).containsExactly("db: UP", "cache: UP");
    }

    @Test
    void outputIsTheBodyCutAt64KiB() {
        server.enqueue(new MockResponse().setBody("x".repeat(100 * 1024)));

        Outcome outcome = executor.run(get(url("/big"), 200, "", TIMEOUT), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(outcome.output()).hasSize(Executors.HTTP_OUTPUT_LIMIT_BYTES);
        assertThat(outcome.truncated()).isTrue();
    }

    @Test
    void deadEndpointFailsNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // free now, and nothing listens once it closes
        }
        String url = "http://127.0.0.1:" + port + "/health";

        Outcome outcome = executor.run(get(url, 200, "", TIMEOUT), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(outcome.message()).contains(url);
    }

    @Test
    void slowHeadersTimeOutWithinTheTimeout() {
        server.enqueue(new MockResponse().setHeadersDelay(2, TimeUnit.SECONDS));
        Duration timeout = Duration.ofMillis(400);
        long start = System.nanoTime();

        Outcome outcome = executor.run(get(url("/slow"), 200, "", timeout), OutputSink.NONE);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(1));
        assertThat(outcome.status()).isEqualTo(Outcome.Status.TIMED_OUT);
        assertThat(outcome.message()).contains(url("/slow")).contains("400 ms");
    }

    @Test
    void aSlowlyTrickledBodyTimesOutWithinTheTimeout() {
        server.enqueue(new MockResponse().setBody("y".repeat(1000)).throttleBody(10, 1, TimeUnit.SECONDS));
        Duration timeout = Duration.ofMillis(400);
        long start = System.nanoTime();

        Outcome outcome = executor.run(get(url("/trickle"), 200, "", timeout), OutputSink.NONE);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(1));
        assertThat(outcome.status()).isEqualTo(Outcome.Status.TIMED_OUT);
    }

    @Test
    void aHeaderValueNeverAppearsInTheMessage() {
        Invocation.Http bad = new Invocation.Http("GET", url("/x"), Map.of("Authorization", "Bearer s3cret\nX: y"),
                "", 200, "", TIMEOUT);

        Outcome outcome = executor.run(bad, OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("Authorization").doesNotContain("s3cret");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        Outcome outcome = executor.run(get("file:///etc/passwd", 200, "", TIMEOUT), OutputSink.NONE);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.message()).contains("file:///etc/passwd");
    }
}
