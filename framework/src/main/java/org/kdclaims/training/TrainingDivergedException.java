package org.kdclaims.training;

/** A loss became NaN or infinite: training stops at once instead of producing garbage numbers. */
public class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
