/**
 * Vector (ML) detectors over a component's metrics at one instant: isolation forest, PCA reconstruction, and the
 * confirmation that makes them evidence (ADR 0012, 0013). Made through
 * {@link dev.firebreak.engine.detect.ml.MlDetectors}.
 */
package dev.firebreak.engine.detect.ml;
