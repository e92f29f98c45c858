package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries, backoff and Retry-After. Requests and the listener run on the test's thread; backoff waits are tasks
 * that run when the test moves the simulated clock, so nothing sleeps.
 */
class DeliveryRetryTests {

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        use(Fixtures.exactRetries(4));
    }

    private void use(RetryConfig retry) {
        use(retry, server.url("/hook").toString());
    }

    private void use(RetryConfig retry, String url) {
        if (dispatcher != null) {
            dispatcher.close();
        }
        WebhookTarget target = new WebhookTarget(Secret.plain(url), Optional.empty());
        ChannelConfig channel = ChannelConfig.of("hook", target).withRetry(retry)
                .withBreaker(new BreakerConfig(100, Duration.ofMinutes(1)));
        dispatcher = Fixtures.direct(channel, listener, clock, scheduler);
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffUntilDelivered() {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(200));

        dispatcher.submit(trigger());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(scheduler.nextDueIn()).isEqualTo(Duration.ofSeconds(1));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(scheduler.nextDueIn()).isEqualTo(Duration.ofSeconds(2));
        scheduler.advance(Duration.ofSeconds(2));

        DeliveryOutcome outcome = listener.only();
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.httpStatus()).hasValue(200);
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(3));
        assertThat(outcome.reason()).isEmpty();
    }

    @Test
    void clientErrorsOtherThan429AreNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("invalid_payload"));

        dispatcher.submit(trigger());

        DeliveryOutcome outcome = listener.only();
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.httpStatus()).hasValue(400);
        assertThat(outcome.reason()).contains("HTTP 400").contains("invalid_payload").contains("not retried");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void retriesStopAtMaxAttemptsAndNameTheLastFailure() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(502).setBody("bad gateway " + i));
        }

        dispatcher.submit(trigger());
        scheduler.advance(Duration.ofSeconds(1 + 2 + 4));

        DeliveryOutcome outcome = listener.only();
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.reason()).startsWith("gave up after 4 attempts; last: HTTP 502").contains("bad gateway 3");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void retryAfterSecondsReplacesTheBackoff() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
        server.enqueue(new MockResponse().setResponseCode(200));

        dispatcher.submit(trigger());
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(server.getRequestCount()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(listener.only().elapsed()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonouredOnTheInjectedClock() {
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(20).atOffset(ZoneOffset.UTC));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", inTwentySeconds));
        server.enqueue(new MockResponse().setResponseCode(200));

        dispatcher.submit(trigger());

        assertThat(scheduler.nextDueIn()).isEqualTo(Duration.ofSeconds(20));
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(listener.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void retryAfterLongerThanMaxBackoffFailsInsteadOfHoldingTheChannel() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));

        dispatcher.submit(trigger());

        DeliveryOutcome outcome = listener.only();
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.httpStatus()).hasValue(429);
        assertThat(outcome.reason()).contains("asked to retry after 1h").contains("retry.maxBackoff 2m");
    }

    @Test
    void connectionRefusedIsRetriedAndReportedWithoutAStatus() throws IOException {
        use(Fixtures.exactRetries(2), "http://127.0.0.1:" + Ports.unused() + "/hook");

        dispatcher.submit(trigger());
        scheduler.advance(Duration.ofSeconds(1));

        DeliveryOutcome outcome = listener.only();
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.httpStatus()).isEqualTo(OptionalInt.empty());
        assertThat(outcome.reason()).startsWith("gave up after 2 attempts; last: no answer: ")
                .containsIgnoringCase("connect");
    }

    @Test
    void laterDeliveriesWaitBehindARetryingOneSoOrderIsKept() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        Notification trigger = trigger();
        Notification acknowledge = trigger.next(NotificationKind.ACKNOWLEDGE, Fixtures.NOW, "on it");

        dispatcher.submit(trigger);
        dispatcher.submit(acknowledge);
        assertThat(server.getRequestCount()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(listener.all()).extracting(o -> o.notification().kind())
                .containsExactly(NotificationKind.TRIGGER, NotificationKind.ACKNOWLEDGE);
        assertThat(Fixtures.json(server.takeRequest()).get("kind").asText()).isEqualTo("trigger");
        assertThat(Fixtures.json(server.takeRequest()).get("kind").asText()).isEqualTo("trigger");
        assertThat(Fixtures.json(server.takeRequest()).get("kind").asText()).isEqualTo("acknowledge");
    }

    @Test
    void jitteredBackoffStaysWithinItsSpread() {
        use(new RetryConfig(2, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(2), 0.5));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(200));

        dispatcher.submit(trigger());

        assertThat(scheduler.nextDueIn()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
    }
}
