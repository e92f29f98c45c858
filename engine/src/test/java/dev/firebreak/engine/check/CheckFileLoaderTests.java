package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckFileLoaderTests {

    private final Topology shop;

    CheckFileLoaderTests() throws TopologyException {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
    }

    private List<HealthCheck> parse(String yaml) throws CheckFileException {
        return CheckFileLoader.parse("checks.yaml", new StringReader(yaml), shop);
    }

    @Test
    void shippedExampleLoadsWithTiersAndIdsFromItsFields() throws CheckFileException {
        List<HealthCheck> checks = CheckFileLoader.loadResource("checks/example.yaml", shop);

        assertThat(checks).extracting(HealthCheck::id)
                .containsExactly("payments/http", "payments/http-2", "postgres-primary/tcp");
        assertThat(checks).extracting(HealthCheck::tier)
                .containsExactly(CheckTier.SHALLOW, CheckTier.DEEP, CheckTier.SHALLOW);
        assertThat(checks.get(1).probe().description()).isEqualTo(
                "HTTP GET http://localhost:8080/health/deep expecting 200 with a body containing '\"status\":\"UP\"'");
    }

    @Test
    void unknownComponentIsNamedWithFileLineAndField() {
        assertThatThrownBy(() -> parse("""
                checks:
                  - component: payments
                    tcp: localhost:1
                  - component: paymnts
                    http: http://localhost/health
                """)).isInstanceOf(CheckFileException.class)
                .hasMessage("checks.yaml:4: checks[1].component: unknown component 'paymnts' in topology shop");
    }

    @Test
    void badValuesAreRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n    tcp: localhost\n"))
                .hasMessage("checks.yaml:3: checks[0].tcp: expected host:port, found 'localhost'");
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n    http: http://x/\n    status: 42\n"))
                .hasMessage("checks.yaml:3: checks[0].http: expectedStatus must be an HTTP status (100-599), was 42");
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n    http: http://x/\n    tier: medium\n"))
                .hasMessage("checks.yaml:4: checks[0].tier: unknown tier 'medium'; allowed: shallow, deep, comprehensive");
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n    tcp: localhost:1\n    bodyContains: UP\n"))
                .hasMessage("checks.yaml:4: checks[0].bodyContains: only an http check has 'bodyContains'");
    }

    @Test
    void entryMustSayWhatToProbeExactlyOnceAndUseKnownFields() {
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n"))
                .hasMessage("checks.yaml:2: checks[0]: expected one of [http, tcp, process] saying what to probe");
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n    tcp: a:1\n    http: http://x/\n"))
                .hasMessage("checks.yaml:2: checks[0]: expected one probe per check, found [http, tcp]");
        assertThatThrownBy(() -> parse("checks:\n  - component: cart\n    url: http://x/\n"))
                .hasMessageStartingWith("checks.yaml:3: checks[0].url: unknown field 'url'; allowed fields: component, id");
        assertThatThrownBy(() -> parse("checks:\n  - id: a\n    tcp: a:1\n"))
                .hasMessageStartingWith("checks.yaml:2: checks[0].component: missing");
    }

    @Test
    void emptyFileOrSameIdTwiceIsRefused() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> parse("checks: []\n")).hasMessage("checks.yaml:1: checks: expected a list of at least one check");
        assertThatThrownBy(() -> parse("checks:\n  - {component: cart, id: x, tcp: 'a:1'}\n  - {component: web, id: x, tcp: 'a:1'}\n"))
                .hasMessage("checks.yaml:3: checks[1].id: id 'x' is used twice");
    }

    @Test
    void unreadableFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> CheckFileLoader.load(dir.resolve("missing.yaml"), shop))
                .hasMessageContaining("missing.yaml: cannot read the file");
    }

    @Test
    void checksFromAFileProbeALiveServerAndAClosedPortAndDriveTheirComponentsVerdicts(@TempDir Path dir)
            throws IOException, CheckFileException, InterruptedException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"status\":\"UP\"}"));
            Path file = dir.resolve("checks.yaml");
            Files.writeString(file, """
                    checks:
                      - component: payments
                        http: %s
                        bodyContains: UP
                      - component: postgres-primary
                        tcp: 127.0.0.1:%d
                    """.formatted(server.url("/health"), closedPort));
            SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T10:00:00Z"));
            ManualTaskScheduler tasks = new ManualTaskScheduler(clock);
            HealthCheckScheduler scheduler = new HealthCheckScheduler(CheckFileLoader.load(file, shop),
                    CheckPolicies.defaults(), tasks, clock, new EventBus());

            scheduler.start();
            tasks.advance(Duration.ZERO);

            assertThat(server.takeRequest().getPath()).isEqualTo("/health");
            assertThat(scheduler.verdict("payments").orElseThrow().state()).isEqualTo(HealthState.HEALTHY);
            assertThat(scheduler.verdict("postgres-primary").orElseThrow().state()).isEqualTo(HealthState.DEGRADED);
            assertThat(scheduler.lastResult("postgres-primary/tcp").orElseThrow().message())
                    .startsWith("TCP connect to 127.0.0.1:" + closedPort + ": expected a listener");
        }
    }
}
