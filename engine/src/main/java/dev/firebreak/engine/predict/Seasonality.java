package dev.firebreak.engine.predict;

/** How a seasonal pattern combines with the level: added to it, or scaling it. */
public enum Seasonality {
    /** No seasonal component: damped-trend Holt smoothing. */
    NONE,
    /** The season adds a fixed amount per slot: right when the swing does not grow with the level. */
    ADDITIVE,
    /**
     * The season scales the level per slot: right for strictly positive series whose daily swing grows
     * with the level (request rates). Falls back to additive arithmetic for a slot when the level is
     * not positive.
     */
    MULTIPLICATIVE
}
