package dev.firebreak.engine.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import okhttp3.mockwebserver.RecordedRequest;

/** Notifications, channels and dispatchers for the notify tests. */
final class Fixtures {

    static final Instant DETECTED = Instant.parse("2025-11-10T14:23:00Z");
    static final Instant NOW = Instant.parse("2025-11-10T14:24:00Z");
    static final Executor DIRECT = Runnable::run;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static Notification trigger() {
        return trigger(Priority.P1);
    }

    static Notification trigger(Priority priority) {
        return new Notification("INC-2025-11-10-001", "firebreak/INC-2025-11-10-001", NotificationKind.TRIGGER,
                priority, "API gateway down", "All users unable to access service.\nStatus: Investigating",
                List.of("api-gateway", "postgres-primary"), "infrastructure", DETECTED, NOW,
                Optional.of(URI.create("https://firebreak.example/incidents/INC-2025-11-10-001")));
    }

    /** Retries at exactly 1s, 2s, 4s... (no jitter), ten attempts at most. */
    static RetryConfig exactRetries(int maxAttempts) {
        return new RetryConfig(maxAttempts, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(2), 0.0);
    }

    /** A dispatcher whose requests and listener run on the submitting thread, retries on the manual scheduler. */
    static NotificationDispatcher direct(NotificationConfig config, DeliveryListener listener, SimulationClock clock,
            ManualScheduler scheduler) {
        return NotificationDispatcher.builder(config, listener).clock(clock).retryScheduler(scheduler)
                .attemptExecutor(DIRECT).listenerExecutor(DIRECT).random(new Random(7)).build();
    }

    static NotificationDispatcher direct(ChannelConfig channel, DeliveryListener listener, SimulationClock clock,
            ManualScheduler scheduler) {
        return direct(new NotificationConfig(List.of(channel)), listener, clock, scheduler);
    }

    static JsonNode json(RecordedRequest request) throws IOException {
        return MAPPER.readTree(request.getBody().readUtf8());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
