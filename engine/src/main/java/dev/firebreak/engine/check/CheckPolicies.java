package dev.firebreak.engine.check;

import java.util.Objects;

/** The policy of each tier. */
public record CheckPolicies(TierPolicy shallow, TierPolicy deep, TierPolicy comprehensive) {

    public CheckPolicies {
        Objects.requireNonNull(shallow, "shallow");
        Objects.requireNonNull(deep, "deep");
        Objects.requireNonNull(comprehensive, "comprehensive");
    }

    public static CheckPolicies defaults() {
        return new CheckPolicies(TierPolicy.defaults(CheckTier.SHALLOW), TierPolicy.defaults(CheckTier.DEEP),
                TierPolicy.defaults(CheckTier.COMPREHENSIVE));
    }

    public TierPolicy of(CheckTier tier) {
        return switch (tier) {
            case SHALLOW -> shallow;
            case DEEP -> deep;
            case COMPREHENSIVE -> comprehensive;
        };
    }
}
