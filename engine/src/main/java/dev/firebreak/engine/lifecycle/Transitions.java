package dev.firebreak.engine.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The table of legal transitions between the states of one enum. Built once, immutable, shared by every
 * machine of that kind. Staying in the same state is not a transition and is never listed.
 *
 * <pre>{@code
 * static final Transitions<Phase> TABLE = Transitions.of(Phase.class)
 *         .allow(Phase.PENDING, Phase.RUNNING, Phase.ABORTED)
 *         .allow(Phase.RUNNING, Phase.SUCCEEDED, Phase.FAILED)
 *         .build();
 * }</pre>
 *
 * @param <S> the states
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> legal;

    private Transitions(Class<S> type, Map<S, Set<S>> legal) {
        this.type = type;
        this.legal = legal;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    /** Whether {@code from -> to} is in the table. */
    public boolean allows(S from, S to) {
        return legal.get(Objects.requireNonNull(from, "from")).contains(Objects.requireNonNull(to, "to"));
    }

    /** The states reachable from {@code from} in one move, in declaration order (what a UI offers as buttons). */
    public Set<S> from(S from) {
        return legal.get(Objects.requireNonNull(from, "from"));
    }

    /**
     * Returns {@code to} if the move is legal.
     *
     * @throws IllegalTransitionException naming both states and what {@code from} allows
     */
    public S check(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(type.getSimpleName(), from.name(), to.name(),
                    from(from).stream().map(Enum::name).toList());
        }
        return to;
    }

    /** Whether no move leaves {@code state}. */
    public boolean isFinal(S state) {
        return from(state).isEmpty();
    }

    public Class<S> type() {
        return type;
    }

    /** Collects the legal moves; {@link #build()} freezes them. */
    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> legal;

        private Builder(Class<S> type) {
            this.type = Objects.requireNonNull(type, "type");
            this.legal = new EnumMap<>(type);
            for (S state : type.getEnumConstants()) {
                legal.put(state, EnumSet.noneOf(type));
            }
        }

        /** Allows {@code from -> each of targets}. */
        @SafeVarargs
        public final Builder<S> allow(S from, S... targets) {
            Objects.requireNonNull(from, "from");
            for (S to : targets) {
                if (to == from) {
                    throw new IllegalArgumentException("staying in " + from + " is not a transition");
                }
                legal.get(from).add(Objects.requireNonNull(to, "to"));
            }
            return this;
        }

        public Transitions<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            legal.forEach((from, to) -> frozen.put(from, Collections.unmodifiableSet(EnumSet.copyOf(
                    to.isEmpty() ? EnumSet.noneOf(type) : to))));
            return new Transitions<>(type, Collections.unmodifiableMap(frozen));
        }
    }
}
