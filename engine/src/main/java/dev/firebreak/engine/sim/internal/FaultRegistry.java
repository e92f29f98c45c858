package dev.firebreak.engine.sim.internal;

import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.sim.GroundTruth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every fault's life: scheduled, acting, ended. Written by the UI thread (inject, cancel) and the
 * simulator thread (start, end); all access goes through one lock, held briefly.
 */
public final class FaultRegistry {

    /** A fault that started or ended in a tick, for the simulator to announce. */
    public record Transition(ActiveFault fault, boolean started, boolean cancelled, boolean remediated) {
    }

    private static final class Entry {
        final ActiveFault fault;
        Instant started;
        Instant ended;
        boolean cancelRequested;
        boolean cancelled;
        boolean endRequested;

        Entry(ActiveFault fault) {
            this.fault = fault;
        }
    }

    private final Object lock = new Object();
    private final List<Entry> pending = new ArrayList<>();
    private final List<Entry> acting = new ArrayList<>();
    private final List<Entry> history = new ArrayList<>();
    private long nextId = 1;

    public ActiveFault schedule(FaultSpec spec) {
        synchronized (lock) {
            ActiveFault fault = new ActiveFault(nextId++, spec);
            pending.add(new Entry(fault));
            return fault;
        }
    }

    /** Cancels a scheduled fault at once, or an acting one at the next tick. */
    public boolean cancel(long id) {
        synchronized (lock) {
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).fault.id() == id) {
                    pending.remove(i);
                    return true;
                }
            }
            for (Entry entry : acting) {
                if (entry.fault.id() == id && !entry.cancelRequested && !entry.endRequested) {
                    entry.cancelRequested = true;
                    return true;
                }
            }
            return false;
        }
    }

    /** Ends acting faults of the given types on a target at the next tick (a rollback undoes them); true if any. */
    public boolean endByRemediation(String target, FaultType... types) {
        synchronized (lock) {
            boolean any = false;
            for (Entry entry : acting) {
                if (entry.fault.spec().target().equals(target) && isOneOf(entry.fault.spec().type(), types)
                        && !entry.cancelRequested) {
                    entry.endRequested = true;
                    any = true;
                }
            }
            return any;
        }
    }

    public boolean hasActing(String target, FaultType... types) {
        synchronized (lock) {
            for (Entry entry : acting) {
                if (entry.fault.spec().target().equals(target) && isOneOf(entry.fault.spec().type(), types)
                        && !entry.cancelRequested && !entry.endRequested) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean isOneOf(FaultType type, FaultType[] types) {
        for (FaultType candidate : types) {
            if (candidate == type) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves faults along their lives at {@code now}: returns what started and ended, in that order;
     * empty (and allocation-free) in the common tick where nothing changes.
     */
    public List<Transition> advance(Instant now) {
        synchronized (lock) {
            List<Transition> transitions = List.of();
            for (int i = 0; i < acting.size(); i++) {
                Entry entry = acting.get(i);
                boolean expired = !now.isBefore(entry.fault.spec().end());
                if (entry.cancelRequested || entry.endRequested || expired) {
                    entry.ended = now;
                    entry.cancelled = entry.cancelRequested;
                    acting.remove(i--);
                    transitions = add(transitions,
                            new Transition(entry.fault, false, entry.cancelled, entry.endRequested && !expired));
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                Entry entry = pending.get(i);
                if (!now.isBefore(entry.fault.spec().start())) {
                    pending.remove(i--);
                    entry.started = now;
                    history.add(entry);
                    transitions = add(transitions, new Transition(entry.fault, true, false, false));
                    if (!now.isBefore(entry.fault.spec().end())) {
                        // scheduled so far in the past that it is already over: it acts for this one tick
                        entry.endRequested = true;
                    }
                    acting.add(entry);
                }
            }
            return transitions;
        }
    }

    private static List<Transition> add(List<Transition> list, Transition transition) {
        List<Transition> result = list.isEmpty() ? new ArrayList<>() : list;
        result.add(transition);
        return result;
    }

    /** Adds the continuous effects of every acting fault; the resolver maps ids to indices. */
    public void collectEffects(FaultEffects fx, java.util.function.ToIntFunction<String> indexOf) {
        synchronized (lock) {
            for (int i = 0; i < acting.size(); i++) {
                FaultSpec spec = acting.get(i).fault.spec();
                int peer = spec.peer().isPresent() ? indexOf.applyAsInt(spec.peer().get()) : -1;
                fx.add(spec.type(), indexOf.applyAsInt(spec.target()), peer, spec.magnitude());
            }
        }
    }

    public List<ActiveFault> faults(Predicate<ActiveFault> filter) {
        synchronized (lock) {
            List<ActiveFault> result = new ArrayList<>();
            for (Entry entry : acting) {
                if (!entry.cancelRequested && !entry.endRequested && filter.test(entry.fault)) {
                    result.add(entry.fault);
                }
            }
            for (Entry entry : pending) {
                if (filter.test(entry.fault)) {
                    result.add(entry.fault);
                }
            }
            return result;
        }
    }

    public GroundTruth groundTruth() {
        synchronized (lock) {
            List<GroundTruth.FaultRecord> records = new ArrayList<>(history.size());
            for (Entry entry : history) {
                records.add(new GroundTruth.FaultRecord(entry.fault, entry.started, Optional.ofNullable(entry.ended),
                        entry.cancelled));
            }
            return new GroundTruth(records);
        }
    }
}
