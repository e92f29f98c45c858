package dev.firebreak.engine.runbook;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long an approval stays good, which environments need their name typed to confirm, and how often a validation
 * looks at its condition.
 */
public record RunbookEngineConfig(Duration approvalTtl, Set<String> protectedEnvironments, Duration validationPoll) {

    public RunbookEngineConfig {
        Objects.requireNonNull(approvalTtl, "approvalTtl");
        if (approvalTtl.isNegative() || approvalTtl.isZero()) {
            throw new IllegalArgumentException("approvalTtl must be positive, was " + approvalTtl);
        }
        protectedEnvironments = protectedEnvironments.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(validationPoll, "validationPoll");
        if (validationPoll.isNegative() || validationPoll.isZero()) {
            throw new IllegalArgumentException("validationPoll must be positive, was " + validationPoll);
        }
    }

    public static RunbookEngineConfig defaults() {
        return new RunbookEngineConfig(Duration.ofMinutes(15), Set.of("production", "prod"), Duration.ofSeconds(1));
    }

    public boolean isProtected(String environment) {
        return protectedEnvironments.contains(environment.toLowerCase(Locale.ROOT));
    }
}
