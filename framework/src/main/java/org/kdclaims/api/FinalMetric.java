package org.kdclaims.api;

import java.util.function.ToDoubleFunction;

import org.kdclaims.training.EpochMetrics;

/**
 * The named final-epoch metrics of an {@link Arm} and, per point, of an {@link ArmCurve}: each is
 * defined here once (its name, which reports and verdicts show, and how it is read from the last
 * epoch, in the paper's unit), so an arm and a curve can never name or scale one differently.
 */
enum FinalMetric {
    /** Top-1 test error in percent (the paper's unit). */
    TEST_ERROR("test error (%)", m -> 100 * m.testError()),
    /** Test cross-entropy. */
    TEST_CROSS_ENTROPY("test cross-entropy", EpochMetrics::testCrossEntropy),
    /** KD error on the test set in percent: top-1 disagreement with the teacher (PAPER.md C3). */
    TEST_KD_ERROR("test KD error (%)", m -> 100 * m.testKdError());

    private final String label;
    private final ToDoubleFunction<EpochMetrics> of;

    FinalMetric(String label, ToDoubleFunction<EpochMetrics> of) {
        this.label = label;
        this.of = of;
    }

    /** The name reports and verdicts show, e.g. "test error (%)". */
    String label() {
        return label;
    }

    /** The metric of an arm, per seed. */
    Metric of(Arm arm) {
        return arm.metric(label, of);
    }
}
