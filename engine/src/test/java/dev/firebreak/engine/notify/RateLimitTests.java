package dev.firebreak.engine.notify;

import static dev.firebreak.engine.notify.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token bucket per channel, on the simulated clock: a burst beyond it is dropped, visibly. */
class RateLimitTests {

    private final MockWebServer server = new MockWebServer();
    private final SimulationClock clock = new SimulationClock(Fixtures.NOW);
    private final RecordingListener listener = new RecordingListener();
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(200);
            }
        });
        ChannelConfig channel = ChannelConfig.of("hook",
                        new WebhookTarget(Secret.plain(server.url("/hook").toString()), Optional.empty()))
                .withRateLimit(new RateLimitConfig(10, Duration.ofMinutes(1)));
        dispatcher = Fixtures.direct(channel, listener, clock, new ManualScheduler(clock));
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    @Test
    void burstBeyondTheLimitIsDroppedAndReportedNotLost() {
        int routed = 0;
        for (int i = 0; i < 50; i++) {
            routed += dispatcher.submit(trigger()).size();
        }

        Map<DeliveryStatus, Long> byStatus = listener.all().stream()
                .collect(Collectors.groupingBy(DeliveryOutcome::status, Collectors.counting()));
        assertThat(routed).isEqualTo(50);
        assertThat(listener.all()).hasSize(50);
        assertThat(byStatus).containsOnly(Map.entry(DeliveryStatus.DELIVERED, 10L),
                Map.entry(DeliveryStatus.DROPPED_RATE_LIMITED, 40L));
        assertThat(server.getRequestCount()).isEqualTo(10);
    }

    @Test
    void droppedOutcomeSaysWhichLimitAndWhenTheNextPermitComes() {
        for (int i = 0; i < 11; i++) {
            dispatcher.submit(trigger());
        }

        DeliveryOutcome dropped = listener.all().getLast();
        assertThat(dropped.status()).isEqualTo(DeliveryStatus.DROPPED_RATE_LIMITED);
        assertThat(dropped.attempts()).isZero();
        assertThat(dropped.reason()).isEqualTo("rate limit of 10 per 1m used up; next permit in 6s");
    }

    @Test
    void bucketRefillsEvenlyAsTheClockMoves() {
        for (int i = 0; i < 10; i++) {
            dispatcher.submit(trigger());
        }

        clock.advance(Duration.ofSeconds(5));
        dispatcher.submit(trigger());
        clock.advance(Duration.ofSeconds(1));
        dispatcher.submit(trigger());
        dispatcher.submit(trigger());

        List<DeliveryStatus> lastThree = listener.all().subList(10, 13).stream().map(DeliveryOutcome::status).toList();
        assertThat(lastThree).containsExactly(DeliveryStatus.DROPPED_RATE_LIMITED, DeliveryStatus.DELIVERED,
                DeliveryStatus.DROPPED_RATE_LIMITED);
    }

    @Test
    void eachChannelHasItsOwnBucket() throws IOException {
        dispatcher.close();
        ChannelConfig first = ChannelConfig.of("first",
                new WebhookTarget(Secret.plain(server.url("/a").toString()), Optional.empty()))
                .withRateLimit(new RateLimitConfig(1, Duration.ofMinutes(1)));
        ChannelConfig second = ChannelConfig.of("second",
                new WebhookTarget(Secret.plain(server.url("/b").toString()), Optional.empty()))
                .withRateLimit(new RateLimitConfig(3, Duration.ofMinutes(1)));
        dispatcher = Fixtures.direct(new NotificationConfig(List.of(first, second)), listener, clock,
                new ManualScheduler(clock));

        for (int i = 0; i < 3; i++) {
            dispatcher.submit(trigger());
        }

        Map<String, Long> deliveredByChannel = listener.all().stream().filter(DeliveryOutcome::delivered)
                .collect(Collectors.groupingBy(DeliveryOutcome::channel, Collectors.counting()));
        assertThat(deliveredByChannel).containsOnly(Map.entry("first", 1L), Map.entry("second", 3L));
        assertThat(listener.all()).hasSize(6);
    }

    @Test
    void burstThroughRealThreadsIsFullyAccountedFor() throws InterruptedException {
        dispatcher.close();
        ChannelConfig channel = ChannelConfig.of("hook",
                        new WebhookTarget(Secret.plain(server.url("/hook").toString()), Optional.empty()))
                .withRateLimit(new RateLimitConfig(10, Duration.ofMinutes(1)));
        dispatcher = NotificationDispatcher.builder(new NotificationConfig(List.of(channel)), listener).clock(clock)
                .build();

        int routed = 0;
        for (int i = 0; i < 50; i++) {
            routed += dispatcher.submit(trigger()).size();
        }
        Map<DeliveryStatus, Long> byStatus = listener.next(routed).stream()
                .collect(Collectors.groupingBy(DeliveryOutcome::status, Collectors.counting()));

        assertThat(byStatus).containsOnly(Map.entry(DeliveryStatus.DELIVERED, 10L),
                Map.entry(DeliveryStatus.DROPPED_RATE_LIMITED, 40L));
        assertThat(routed).isEqualTo(50);
    }
}
