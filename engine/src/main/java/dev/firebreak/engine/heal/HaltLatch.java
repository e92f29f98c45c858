package dev.firebreak.engine.heal;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.runbook.HaltSwitch;
import dev.firebreak.engine.store.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one emergency stop over healing, runbook runs and chaos experiments. Pressing it is written to its store (and the
 * audit log) before anything reacts, then announced with {@link HaltChanged}: runs stop at their next safe point with
 * their rollbacks, healing stops deciding, nothing new starts. It stays latched, across restarts, until a person
 * releases it with a reason.
 */
public final class HaltLatch implements HaltSwitch {

    private final HaltStore store;
    private final Optional<AuditLog> audit;
    private final EventBus bus;
    private final Clock clock;
    private volatile Optional<HaltRecord> latched;

    public HaltLatch(HaltStore store, Optional<AuditLog> audit, EventBus bus, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latched = store.latest().filter(HaltRecord::latched);
    }

    @Override
    public Optional<String> halted() {
        return latched.map(record -> record.reason() + " (" + record.person() + ")");
    }

    /** The press that holds now, if it holds. */
    public Optional<HaltRecord> current() {
        return latched;
    }

    /**
     * Latches the stop.
     *
     * @throws IllegalStateException if it is already latched (naming by whom)
     * @throws IllegalArgumentException without a person or a reason
     */
    public HaltRecord press(String person, String reason) {
        HaltRecord record;
        synchronized (this) {
            if (latched.isPresent()) {
                throw new IllegalStateException("HALT is already latched since " + latched.get().at() + " by "
                        + latched.get().person() + ": " + latched.get().reason());
            }
            record = new HaltRecord(clock.instant(), person, true, reason);
            store.append(record);
            audit.ifPresent(log -> log.append(person, "halt.pressed", "halt", Map.of("reason", reason)));
            latched = Optional.of(record);
        }
        bus.publish(new HaltChanged(record.at(), record));
        return record;
    }

    /**
     * Releases it.
     *
     * @throws IllegalStateException if it is not latched
     * @throws IllegalArgumentException without a person or a reason
     */
    public HaltRecord release(String person, String reason) {
        HaltRecord record;
        synchronized (this) {
            if (latched.isEmpty()) {
                throw new IllegalStateException("HALT is not latched");
            }
            record = new HaltRecord(clock.instant(), person, false, reason);
            store.append(record);
            audit.ifPresent(log -> log.append(person, "halt.released", "halt", Map.of("reason", reason,
                    "pressedBy", latched.get().person())));
            latched = Optional.empty();
        }
        bus.publish(new HaltChanged(record.at(), record));
        return record;
    }

    public java.util.List<HaltRecord> history() {
        return store.history();
    }
}
