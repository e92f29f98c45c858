/**
 * Online anomaly detection. {@link dev.firebreak.engine.detect.DetectionEngine} orchestrates the parts below and
 * publishes its events; this package also holds the vocabulary every part shares (Severity, Direction,
 * DetectorKind, DetectorFamily, DetectorOutput). Parts, each with its API at its root and its implementation in
 * its own {@code internal}: {@code series} (per-series detectors), {@code ml} (vector detectors), {@code composite}
 * (one score per component), {@code health}, {@code history} and {@code config}. The orchestrator uses only the
 * parts' APIs, and the parts never use the orchestrator (ADR 0024).
 */
package dev.firebreak.engine.detect;
