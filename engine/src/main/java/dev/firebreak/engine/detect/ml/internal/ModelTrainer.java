package dev.firebreak.engine.detect.ml.internal;

/** Fits a model on a snapshot of raw training vectors (NaN entries allowed). Runs off the scoring thread. */
@FunctionalInterface
interface ModelTrainer {

    VectorModel train(double[][] rawRows);
}
