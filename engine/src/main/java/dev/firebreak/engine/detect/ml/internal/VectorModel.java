package dev.firebreak.engine.detect.ml.internal;

/** A trained, immutable model over robust-scaled vectors; safe to share between threads once built. */
interface VectorModel {

    RobustScaler scaler();

    ScoreCalibration calibration();

    /** The model's raw anomaly measure of a scaled vector: higher is more anomalous. */
    double rawScore(double[] scaled);

    /** How much each feature is to blame for the raw score (larger is more), written into {@code out}. */
    void attribution(double[] scaled, double[] out);

    /** What {@link #rawScore} measures, for explanations, e.g. "isolation score". */
    String measureName();
}
