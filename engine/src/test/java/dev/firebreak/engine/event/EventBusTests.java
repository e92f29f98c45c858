package dev.firebreak.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricsTicked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTests {

    private static final Instant AT = Instant.parse("2026-11-02T00:00:00Z");
    private final EventBus bus = new EventBus();

    @Test
    void deliversOnlyEventsOfTheSubscribedType() {
        List<ComponentHealthChanged> received = new ArrayList<>();
        bus.subscribe(ComponentHealthChanged.class, received::add);

        bus.publish(new MetricsTicked(AT, 1));
        bus.publish(new ComponentHealthChanged(AT, "web", HealthState.HEALTHY, HealthState.DEGRADED, "errors 6%"));

        assertThat(received).singleElement().extracting(ComponentHealthChanged::componentId).isEqualTo("web");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        List<EngineEvent> received = new ArrayList<>();
        bus.subscribe(EngineEvent.class, e -> {
            throw new IllegalStateException("broken observer");
        });
        bus.subscribe(EngineEvent.class, received::add);

        bus.publish(new MetricsTicked(AT, 1));

        assertThat(received).hasSize(1);
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        List<EngineEvent> received = new ArrayList<>();
        Subscription subscription = bus.subscribe(MetricsTicked.class, received::add);
        bus.publish(new MetricsTicked(AT, 1));

        subscription.close();
        subscription.close();
        bus.publish(new MetricsTicked(AT.plusSeconds(1), 2));

        assertThat(received).hasSize(1);
        assertThat(bus.subscriberCount()).isZero();
    }
}
