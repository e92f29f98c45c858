package dev.firebreak.engine.predict;

/**
 * How a forecaster did against seasonal naive on the same rolling-origin forecasts.
 *
 * @param modelMae  mean absolute error of the forecaster over every (origin, step) pair scored
 * @param naiveMae  mean absolute error of seasonal naive over the same pairs
 * @param mase      {@code modelMae / naiveMae}: below 1 beats seasonal naive (NaN if naive was perfect)
 * @param points    (origin, step) pairs scored
 */
public record AccuracyReport(double modelMae, double naiveMae, double mase, long points) {
}
