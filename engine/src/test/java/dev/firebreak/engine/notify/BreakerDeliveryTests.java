package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circuit breaker of a channel, driven by the simulated clock. */
class BreakerDeliveryTests {

    private static final Duration COOL_DOWN = Duration.ofSeconds(30);

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        ChannelConfig channel = ChannelConfig.of("hook",
                        new WebhookTarget(Secret.plain(server.url("/hook").toString()), Optional.empty()))
                .withRetry(RetryConfig.none())
                .withBreaker(new BreakerConfig(3, COOL_DOWN));
        dispatcher = Fixtures.direct(channel, listener, clock, scheduler);
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    private void failThreeTimes() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(500));
            dispatcher.submit(trigger());
        }
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndSkipsWithoutCallingTheEndpoint() {
        failThreeTimes();

        dispatcher.submit(trigger());

        assertThat(dispatcher.breakerState("hook")).hasValue(BreakerState.OPEN);
        DeliveryOutcome skipped = listener.all().getLast();
        assertThat(skipped.status()).isEqualTo(DeliveryStatus.SKIPPED_BREAKER_OPEN);
        assertThat(skipped.attempts()).isZero();
        assertThat(skipped.reason()).isEqualTo("circuit breaker open after 3 consecutive failed requests, until "
                + Fixtures.NOW.plus(COOL_DOWN));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(listener.moves()).containsExactly(
                new RecordingListener.BreakerMove("hook", BreakerState.CLOSED, BreakerState.OPEN, Fixtures.NOW));
    }

    @Test
    void breakerHalfOpensAfterTheCoolDownAndASuccessfulTrialClosesIt() {
        failThreeTimes();
        clock.advance(COOL_DOWN.minusSeconds(1));
        assertThat(dispatcher.breakerState("hook")).hasValue(BreakerState.OPEN);

        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.breakerState("hook")).hasValue(BreakerState.HALF_OPEN);
        server.enqueue(new MockResponse().setResponseCode(200));
        dispatcher.submit(trigger());

        assertThat(listener.all().getLast().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(dispatcher.breakerState("hook")).hasValue(BreakerState.CLOSED);
        assertThat(listener.moves()).extracting(RecordingListener.BreakerMove::to)
                .containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
    }

    @Test
    void aFailedTrialReopensTheBreakerForAnotherCoolDown() {
        failThreeTimes();
        clock.advance(COOL_DOWN);
        server.enqueue(new MockResponse().setResponseCode(503));

        dispatcher.submit(trigger());
        dispatcher.submit(trigger());

        assertThat(listener.all()).extracting(DeliveryOutcome::status).endsWith(DeliveryStatus.FAILED,
                DeliveryStatus.SKIPPED_BREAKER_OPEN);
        assertThat(dispatcher.breakerState("hook")).hasValue(BreakerState.OPEN);
        assertThat(listener.all().getLast().reason()).endsWith("until " + Fixtures.NOW.plus(COOL_DOWN).plus(COOL_DOWN));
    }

    @Test
    void clientErrorsShowTheEndpointIsUpAndResetTheCount() {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(400));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(500));

        for (int i = 0; i < 5; i++) {
            dispatcher.submit(trigger());
        }

        assertThat(dispatcher.breakerState("hook")).hasValue(BreakerState.CLOSED);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aBreakerOpeningDuringRetriesSkipsTheRemainingAttempts() throws IOException {
        dispatcher.close();
        ChannelConfig channel = ChannelConfig.of("hook",
                        new WebhookTarget(Secret.plain(server.url("/hook").toString()), Optional.empty()))
                .withRetry(Fixtures.exactRetries(5))
                .withBreaker(new BreakerConfig(2, COOL_DOWN));
        dispatcher = Fixtures.direct(channel, listener, clock, scheduler);
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(500));

        dispatcher.submit(trigger());
        scheduler.advance(Duration.ofSeconds(1 + 2));

        DeliveryOutcome outcome = listener.only();
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.SKIPPED_BREAKER_OPEN);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.reason()).contains("last attempt: HTTP 500");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void eachChannelHasItsOwnBreaker() throws IOException {
        dispatcher.close();
        MockWebServer healthy = new MockWebServer();
        healthy.start(InetAddress.getLoopbackAddress(), 0);
        try {
            ChannelConfig broken = ChannelConfig.of("broken",
                            new WebhookTarget(Secret.plain(server.url("/hook").toString()), Optional.empty()))
                    .withRetry(RetryConfig.none()).withBreaker(new BreakerConfig(1, COOL_DOWN));
            ChannelConfig fine = ChannelConfig.of("fine",
                            new WebhookTarget(Secret.plain(healthy.url("/hook").toString()), Optional.empty()))
                    .withRetry(RetryConfig.none()).withBreaker(new BreakerConfig(1, COOL_DOWN));
            dispatcher = Fixtures.direct(new NotificationConfig(List.of(broken, fine)), listener, clock, scheduler);
            server.enqueue(new MockResponse().setResponseCode(500));
            healthy.enqueue(new MockResponse().setResponseCode(200));

            dispatcher.submit(trigger());

            assertThat(dispatcher.breakerState("broken")).hasValue(BreakerState.OPEN);
            assertThat(dispatcher.breakerState("fine")).hasValue(BreakerState.CLOSED);
        } finally {
            dispatcher.close();
            healthy.shutdown();
        }
    }
}
