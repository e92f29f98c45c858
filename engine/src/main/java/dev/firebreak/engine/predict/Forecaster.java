package dev.firebreak.engine.predict;

/**
 * A streaming one-series forecaster on a fixed step: feed every step in order, ask for a forecast
 * at any time. Not thread-safe; one owner feeds and reads it.
 */
public interface Forecaster {

    /**
     * Feeds the next step. NaN (or an infinity) marks a missing step: the model's clock and season
     * advance but nothing is learned from it.
     */
    void update(double value);

    /** Whether enough history has been seen to forecast (e.g. two seasons to initialise a season). */
    boolean isReady();

    /**
     * Forecasts the next {@code horizon} steps with a central interval of the given coverage.
     *
     * @throws IllegalStateException if not {@link #isReady() ready}
     * @throws IllegalArgumentException if horizon < 1 or coverage is outside (0, 1)
     */
    Forecast forecast(int horizon, double coverage);

    /** Steps fed so far, missing ones included. */
    long steps();
}
