/**
 * Streaming detectors over one series (rolling z, EWMA, IQR, seasonal band, rate of change, multi-scale, pattern,
 * resonance), their validated config records, and {@link dev.firebreak.engine.detect.series.HeldDetectors}: one
 * series' detectors run with a baseline hold (ADR 0011). Made through
 * {@link dev.firebreak.engine.detect.series.SeriesDetectors}.
 */
package dev.firebreak.engine.detect.series;
