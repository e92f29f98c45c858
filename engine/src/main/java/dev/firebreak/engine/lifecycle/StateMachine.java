package dev.firebreak.engine.lifecycle;

import java.util.Objects;
import java.util.Set;

/**
 * The current state of one thing (a component, an incident, an execution) and the only way to change it:
 * {@link #moveTo} checks the move against the table and refuses anything it does not list. Not thread-safe:
 * each machine has one owner thread, like the detection tick or the incident service.
 *
 * @param <S> the states
 */
public final class StateMachine<S extends Enum<S>> {

    /** Told of every move after it happened. */
    @FunctionalInterface
    public interface Listener<S> {
        void moved(S from, S to);
    }

    private final Transitions<S> table;
    private final Listener<S> listener;
    private S state;

    public StateMachine(Transitions<S> table, S initial) {
        this(table, initial, (from, to) -> { });
    }

    public StateMachine(Transitions<S> table, S initial, Listener<S> listener) {
        this.table = Objects.requireNonNull(table, "table");
        this.state = Objects.requireNonNull(initial, "initial");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public S state() {
        return state;
    }

    /**
     * Moves to {@code to}. Asking for the current state is a no-op and returns false.
     *
     * @return whether the state changed
     * @throws IllegalTransitionException if the table does not allow the move
     */
    public boolean moveTo(S to) {
        if (to == state) {
            return false;
        }
        S from = state;
        state = table.check(from, to);
        listener.moved(from, to);
        return true;
    }

    /** Whether the table allows a move from the current state to {@code to}. */
    public boolean canMoveTo(S to) {
        return to != state && table.allows(state, to);
    }

    /** The moves legal from the current state. */
    public Set<S> next() {
        return table.from(state);
    }

    public Transitions<S> table() {
        return table;
    }
}
