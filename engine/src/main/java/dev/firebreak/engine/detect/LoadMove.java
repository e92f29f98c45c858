package dev.firebreak.engine.detect;

/**
 * What detection made of the traffic entering the system at its last tick (ADR 0010, 0014): whether it was
 * moving away from its recent level, and which way. While it rises, rises of latency and traffic-following
 * resource use are explained by load; while it falls, falls of traffic are.
 *
 * @param moving  the entry traffic moved either way by more than its tolerance, or did within the hold time
 * @param rising  it rose (or did within the hold time)
 * @param falling it fell (or did within the hold time)
 */
public record LoadMove(boolean moving, boolean rising, boolean falling) {

    /** Before the first tick, and whenever the entry traffic is at its recent level. */
    public static final LoadMove STILL = new LoadMove(false, false, false);

    /** The eight possible values, made once: the engine reports one every tick. */
    private static final LoadMove[] ALL = new LoadMove[8];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = i == 0 ? STILL : new LoadMove((i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
        }
    }

    public static LoadMove of(boolean moving, boolean rising, boolean falling) {
        return ALL[(moving ? 4 : 0) | (rising ? 2 : 0) | (falling ? 1 : 0)];
    }
}
