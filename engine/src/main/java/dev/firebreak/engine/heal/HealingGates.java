package dev.firebreak.engine.heal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The gates that carry state, as they stand now (the healing overview screen).
 *
 * @param breakerOpen      whether automatic healing is stopped by too many failed heals
 * @param recentFailures   failed heals within the breaker's window (a healed cause that came back counts)
 * @param breakerThreshold failures that open it
 * @param actionsLastHour  actions started (or, in shadow, that would have started) in the last hour
 * @param actionsPerHour   the rate limit
 * @param coolingUntil     components acted on recently, and until when they cool down
 * @param running          actions executing, verifying or rolling back
 * @param maxParallel      the cap on running actions
 * @param freeze           the change freeze open now, if any
 * @param halt             the HALT press that holds now, if any
 */
public record HealingGates(boolean breakerOpen, int recentFailures, int breakerThreshold, long actionsLastHour,
        int actionsPerHour, Map<String, Instant> coolingUntil, long running, int maxParallel,
        Optional<ChangeFreeze> freeze, Optional<HaltRecord> halt) {

    public HealingGates {
        coolingUntil = Map.copyOf(coolingUntil);
    }
}
