package dev.firebreak.engine.detect;

/** Every detector the engine has, and the family its score counts towards. */
public enum DetectorKind {
    ROLLING_ZSCORE("Rolling mean ± k·σ", DetectorFamily.STATISTICAL),
    EWMA("EWMA deviation", DetectorFamily.STATISTICAL),
    IQR("Interquartile range", DetectorFamily.STATISTICAL),
    MULTI_SCALE("Multi-scale surprise", DetectorFamily.STATISTICAL),
    SEASONAL_BAND("Seasonal band", DetectorFamily.PATTERN),
    RATE_OF_CHANGE("Rate of change", DetectorFamily.PATTERN),
    PATTERN("Recent pattern unlike history", DetectorFamily.PATTERN),
    ISOLATION_FOREST("Isolation forest", DetectorFamily.ML),
    RECONSTRUCTION("Reconstruction error", DetectorFamily.ML),
    CORRELATION("Related components anomalous", DetectorFamily.CORRELATION);

    private final String label;
    private final DetectorFamily family;

    DetectorKind(String label, DetectorFamily family) {
        this.label = label;
        this.family = family;
    }

    public String label() {
        return label;
    }

    public DetectorFamily family() {
        return family;
    }
}
