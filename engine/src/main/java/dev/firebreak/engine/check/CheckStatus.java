package dev.firebreak.engine.check;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one health check stands.
 *
 * @param checkId     the check's id
 * @param tier        its tier
 * @param description what it probes, for people
 * @param lastRun     its last run, empty before the first
 * @param failedRuns  failed runs in a row since it last passed (0 while passing)
 */
public record CheckStatus(String checkId, CheckTier tier, String description, Optional<CheckRun> lastRun,
        int failedRuns) {
    public CheckStatus {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lastRun, "lastRun");
        if (failedRuns < 0) {
            throw new IllegalArgumentException("failedRuns must not be negative, was " + failedRuns);
        }
    }

    /** Whether its last run failed (or timed out); false before the first run. */
    public boolean failing() {
        return failedRuns > 0;
    }
}
