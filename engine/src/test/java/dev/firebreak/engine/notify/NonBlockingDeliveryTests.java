package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on its own threads, as in production: submit returns at once whatever the endpoint does, slow
 * and dead endpoints end in a reported failure within the timeouts, and overflow and shutdown are explicit
 * outcomes. Nothing sleeps: the server holds a request on a latch, the test waits on outcomes.
 */
class NonBlockingDeliveryTests {

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (dispatcher != null) {
            dispatcher.close();
        }
        server.shutdown();
    }

    private void holdRequestsUntilReleased() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return new MockResponse().setResponseCode(200);
            }
        });
    }

    private void start(ChannelConfig channel) {
        dispatcher = NotificationDispatcher.start(new NotificationConfig(List.of(channel)), listener);
    }

    private static ChannelConfig hook(String url) {
        return ChannelConfig.of("hook", new WebhookTarget(Secret.plain(url), Optional.empty()))
                .withRetry(RetryConfig.none());
    }

    @Test
    void submitReturnsWhileTheEndpointIsStillAnswering() throws InterruptedException {
        holdRequestsUntilReleased();
        start(hook(server.url("/hook").toString()));

        Set<String> routed = dispatcher.submit(trigger());
        RecordedRequest held = server.takeRequest(10, TimeUnit.SECONDS);

        assertThat(routed).containsExactly("hook");
        assertThat(held).isNotNull();
        assertThat(listener.all()).isEmpty();
        release.countDown();
        assertThat(listener.next().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void slowEndpointIsCutOffByTheCallTimeoutAndReportedAsFailed() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(200).setHeadersDelay(1, TimeUnit.SECONDS));
        start(hook(server.url("/hook").toString()).withTimeouts(
                new TimeoutConfig(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300))));

        dispatcher.submit(trigger());
        DeliveryOutcome outcome = listener.next();

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.httpStatus()).isEqualTo(OptionalInt.empty());
        assertThat(outcome.reason()).contains("no answer in time").contains("call 300ms");
    }

    @Test
    void endpointThatNeverAnswersIsCutOffByTheReadTimeout() throws InterruptedException {
        server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));
        start(hook(server.url("/hook").toString()).withTimeouts(
                new TimeoutConfig(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5))));

        dispatcher.submit(trigger());
        DeliveryOutcome outcome = listener.next();

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.reason()).contains("no answer in time").contains("read 300ms");
    }

    @Test
    void deadEndpointIsReportedAsFailedWithTheReason() throws Exception {
        start(hook("http://127.0.0.1:" + Ports.unused() + "/hook"));

        Set<String> routed = dispatcher.submit(trigger());
        DeliveryOutcome outcome = listener.next();

        assertThat(routed).containsExactly("hook");
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.channel()).isEqualTo("hook");
        assertThat(outcome.channelType()).isEqualTo(ChannelType.WEBHOOK);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.reason()).startsWith("gave up after 1 attempt; last: no answer: ")
                .containsIgnoringCase("connect");
    }

    @Test
    void fullQueueDropsExplicitlyAndLosesNothing() throws InterruptedException {
        holdRequestsUntilReleased();
        start(hook(server.url("/hook").toString()).withQueueCapacity(3));
        dispatcher.submit(trigger());
        server.takeRequest(10, TimeUnit.SECONDS);

        int routed = 1;
        for (int i = 0; i < 5; i++) {
            routed += dispatcher.submit(trigger()).size();
        }
        List<DeliveryOutcome> whileHeld = listener.next(2);
        release.countDown();
        List<DeliveryOutcome> afterRelease = listener.next(4);

        assertThat(whileHeld).extracting(DeliveryOutcome::status).containsOnly(DeliveryStatus.DROPPED_QUEUE_FULL);
        assertThat(whileHeld.getFirst().reason()).contains("queue of 3 deliveries").contains("full");
        assertThat(afterRelease).extracting(DeliveryOutcome::status).containsOnly(DeliveryStatus.DELIVERED);
        assertThat(listener.all()).hasSize(routed);
    }

    @Test
    void closeEndsQueuedAndInFlightDeliveriesAsDroppedShutdown() throws InterruptedException {
        holdRequestsUntilReleased();
        start(hook(server.url("/hook").toString()));
        dispatcher.submit(trigger());
        server.takeRequest(10, TimeUnit.SECONDS);
        dispatcher.submit(trigger());
        dispatcher.submit(trigger());

        dispatcher.close();

        assertThat(listener.all()).hasSize(3).extracting(DeliveryOutcome::status)
                .containsOnly(DeliveryStatus.DROPPED_SHUTDOWN);
    }

    @Test
    void listenerIsCalledOnTheOutcomeThreadNotTheCaller() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(200));
        List<String> threads = new ArrayList<>();
        CountDownLatch called = new CountDownLatch(1);
        dispatcher = NotificationDispatcher.start(new NotificationConfig(List.of(hook(server.url("/h").toString()))),
                outcome -> {
                    threads.add(Thread.currentThread().getName());
                    called.countDown();
                });

        dispatcher.submit(trigger());

        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).containsExactly("firebreak-notify-outcomes");
    }

    @Test
    void aThrowingListenerDoesNotStopLaterOutcomes() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        CountDownLatch seen = new CountDownLatch(2);
        dispatcher = NotificationDispatcher.start(new NotificationConfig(List.of(hook(server.url("/h").toString()))),
                outcome -> {
                    seen.countDown();
                    throw new IllegalStateException("timeline unavailable");
                });

        dispatcher.submit(trigger());
        dispatcher.submit(trigger());

        assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
