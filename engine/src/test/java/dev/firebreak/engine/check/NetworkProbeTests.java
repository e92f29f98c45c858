package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkProbeTests {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final MockWebServer server = new MockWebServer();
    private final List<Socket> held = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServers() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
        server.shutdown();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    @Test
    void httpStatusPassesOnExpectedStatus() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));

        ProbeResult result = Probes.httpStatus(url("/health"), 200).run(TIMEOUT);

        assertThat(result.outcome()).as(result.message()).isEqualTo(ProbeOutcome.PASS);
    }

    @Test
    void httpStatusFailureNamesExpectedAndActualStatus() {
        server.enqueue(new MockResponse().setResponseCode(503));

        ProbeResult result = Probes.httpStatus(url("/health"), 200).run(TIMEOUT);

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("expected status 200, got 503");
    }

    @Test
    void httpBodyAssertionFailureShowsWhatCameBack() {
        server.enqueue(new MockResponse().setBody("{\"status\":\"DOWN\"}"));

        ProbeResult result = Probes.httpBody(url("/health/deep"), 200, "\"status\":\"UP\"", 1024).run(TIMEOUT);

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("expected a body containing '\"status\":\"UP\"'")
                .contains("got '{\"status\":\"DOWN\"}'");
    }

    @Test
    void httpBodyAssertionPassesOnMatchingBody() {
        server.enqueue(new MockResponse().setBody("{\"status\":\"UP\",\"db\":\"UP\"}"));

        ProbeResult result = Probes.httpBody(url("/health/deep"), 200, "\"db\":\"UP\"", 1024).run(TIMEOUT);

        assertThat(result.outcome()).as(result.message()).isEqualTo(ProbeOutcome.PASS);
    }

    @Test
    void hugeBodyIsReadOnlyUpToTheLimit() {
        // the expected text sits after 1 MB of filler: a bounded read never sees it
        server.enqueue(new MockResponse().setBody("x".repeat(1 << 20) + "UP"));

        ProbeResult result = Probes.httpBody(url("/big"), 200, "UP", 16 * 1024).run(Duration.ofSeconds(5));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).hasSizeLessThan(400);
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        ProbeResult result = Probes.httpStatus(url("/health"), 200).run(Duration.ofMillis(300));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(result.message()).contains("no complete answer within 300 ms");
    }

    @Test
    void serverReturningGarbageIsAClearFailure() throws IOException {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerWithGarbage(garbage));

            ProbeResult result = Probes.httpStatus("http://127.0.0.1:" + garbage.getLocalPort() + "/health", 200)
                    .run(Duration.ofSeconds(2));

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
            assertThat(result.message()).contains("expected an HTTP response");
        }
    }

    private static void answerWithGarbage(ServerSocket socket) {
        try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
            out.write("SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            client.getInputStream().read(new byte[1024]);
        } catch (IOException e) {
            // the probe hung up: nothing more to send
        }
    }

    @Test
    void tcpProbePassesOnAListeningPort() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProbeResult result = Probes.tcp("127.0.0.1", listener.getLocalPort()).run(TIMEOUT);

            assertThat(result.outcome()).as(result.message()).isEqualTo(ProbeOutcome.PASS);
        }
    }

    @Test
    void tcpProbeFailsOnAClosedPort() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
        }

        ProbeResult result = Probes.tcp("127.0.0.1", port).run(TIMEOUT);

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("expected a listener");
    }
}
