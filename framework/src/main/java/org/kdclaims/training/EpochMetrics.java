package org.kdclaims.training;

/**
 * Metrics after one epoch. Train metrics are measured on the augmented training batches in
 * training mode (as the epoch ran); test metrics in evaluation mode, NaN when not evaluated this
 * epoch. KD figures are NaN without a teacher.
 */
public record EpochMetrics(int epoch, double learningRate, double trainLoss, double trainCrossEntropy,
        double trainKdLoss, double trainError, double testCrossEntropy, double testError, double testKdLoss,
        double testKdError, double seconds, double imagesPerSecond) {

    /** Metrics that consist of a test error alone, e.g. an ensemble's averaged prediction. */
    public static EpochMetrics testErrorOnly(int epoch, double testError) {
        double n = Double.NaN;
        return new EpochMetrics(epoch, n, n, n, n, n, n, testError, n, n, n, n);
    }

    public boolean evaluated() {
        return !Double.isNaN(testError);
    }
}
