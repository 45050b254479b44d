package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurveClaimsTest {
    private static final long[] SEEDS = {1, 2, 3, 4};

    private static Curve.Point p(String label, double x, double... v) {
        return new Curve.Point(label, x, SEEDS, v);
    }

    // error of students distilled from teacher checkpoints: lowest at epoch 40, worse at the end
    private static final Curve FALLS_THEN_RISES = Curve.of("student error",
            p("epoch 10", 10, 0.40, 0.41, 0.39, 0.42),
            p("epoch 40", 40, 0.30, 0.31, 0.29, 0.32),
            p("epoch 80", 80, 0.36, 0.37, 0.355, 0.38),
            p("epoch 200", 200, 0.35, 0.365, 0.34, 0.37));

    @Test
    void interiorMinimumIsSupportedWithHolm() {
        CurveResult r = CurveClaims.test(FALLS_THEN_RISES, CurveShape.INTERIOR_MINIMUM, 0.05);
        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(r.method()).contains("Holm step-down over 3", PairedComparison.METHOD);
        assertThat(r.best().label()).isEqualTo("epoch 40");
        assertThat(r.significant()).anyMatch(s -> s.startsWith("epoch 40 < epoch 200"));
        assertThat(r.adjustedSupport()).hasSize(3);
        assertThat(r.power().mdd()).isPositive();
        assertThat(r.describe()).contains("best epoch 40", "SUPPORTED");
    }

    @Test
    void lastPointLowestEverywhereRefutes() {
        Curve falling = Curve.of("error", p("a", 1, 0.5, 0.52, 0.49, 0.51), p("b", 2, 0.4, 0.42, 0.39, 0.41),
                p("c", 3, 0.3, 0.32, 0.29, 0.31));
        CurveResult r = CurveClaims.test(falling, CurveShape.INTERIOR_MINIMUM, 0.05);
        assertThat(r.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(r.best().label()).isEqualTo("c");
        assertThat(CurveClaims.test(falling, CurveShape.MONOTONE_DECREASING, 0.05).verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(CurveClaims.test(falling, CurveShape.MONOTONE_INCREASING, 0.05).verdict())
                .isEqualTo(Verdict.REFUTED);
    }

    @Test
    void flatNoisyCurveIsInconclusive() {
        Curve flat = Curve.of("error", p("a", 1, 0.5, 0.4, 0.6, 0.45), p("b", 2, 0.45, 0.55, 0.5, 0.6),
                p("c", 3, 0.55, 0.45, 0.4, 0.5));
        assertThat(CurveClaims.test(flat, CurveShape.INTERIOR_MINIMUM, 0.05).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(CurveClaims.test(flat, CurveShape.MONOTONE_INCREASING, 0.05).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    // Holm needs more than any single p < alpha: two of three comparisons at p ~ 0.03 each
    @Test
    void holmAdjustmentCanWithholdAVerdictASingleTestWouldGive() {
        double[] p = {0.03, 0.04, 0.5};
        assertThat(Holm.reject(p, 0.05)).containsExactly(false, false, false);
        assertThat(Holm.adjust(new double[] {Double.NaN, 0.01})).containsExactly(1.0, 0.02);
    }

    @Test
    void bestBeforeEndAgainstASeparateFullyTrainedArm() {
        Curve early = Curve.of("student error", FALLS_THEN_RISES.point(0), FALLS_THEN_RISES.point(1));
        Curve.Point teacher = new Curve.Point("fully trained", 200, new long[] {11, 12, 13}, new double[] {0.35, 0.36, 0.34});
        CurveResult r = CurveClaims.bestBeforeEnd(early, teacher, 0.05);
        assertThat(r.shape()).isEqualTo(CurveShape.BEST_BEFORE_END);
        assertThat(r.reference()).isEqualTo("fully trained");
        assertThat(r.method()).contains(Comparison.METHOD);
        assertThat(r.points()).hasSize(3);
        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void unsharedSeedsUsePooledSlope() {
        Curve c = Curve.of("x", new Curve.Point("a", 1, new long[] {1, 2}, new double[] {1, 1.1}),
                new Curve.Point("b", 2, new long[] {3, 4}, new double[] {2, 2.1}),
                new Curve.Point("c", 3, new long[] {5, 6}, new double[] {3, 3.1}));
        CurveResult r = CurveClaims.test(c, CurveShape.MONOTONE_INCREASING, 0.05);
        assertThat(r.method()).isEqualTo(Trend.POOLED);
        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(r.trend().slope()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
