package org.kdclaims.results.model;

/**
 * One point of a learning curve. {@code kdError} (share of examples where student and teacher
 * disagree on the top-1 class) is null for runs without a teacher.
 */
public record EpochRecord(int epoch, double learningRate, double trainLoss, double trainError, double testLoss,
                           double testError, Double kdError) {
}
