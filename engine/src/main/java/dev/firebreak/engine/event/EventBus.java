package dev.firebreak.engine.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed, synchronous publish/subscribe for engine events.
 *
 * <p>Delivery happens on the publisher's thread, in subscription order. Subscribers that need
 * another thread (the JavaFX view-models) hand the event over themselves, coalescing as they go;
 * the engine never knows about UI threads. A subscriber that throws is logged and skipped, so one
 * broken observer cannot stop the simulator or starve the others.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Registration<E extends EngineEvent>(Class<E> type, Consumer<? super E> handler) {
        void deliver(EngineEvent event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    /** Receives every published event that is an instance of {@code type}. */
    public <E extends EngineEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
        Registration<E> registration = new Registration<>(
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    public void publish(EngineEvent event) {
        Objects.requireNonNull(event, "event");
        for (Registration<?> registration : registrations) {
            try {
                registration.deliver(event);
            } catch (RuntimeException e) {
                LOG.error("Event subscriber for {} failed on {}", registration.type().getSimpleName(), event, e);
            }
        }
    }

    public int subscriberCount() {
        return registrations.size();
    }
}
