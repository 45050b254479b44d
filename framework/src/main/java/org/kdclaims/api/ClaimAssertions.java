package org.kdclaims.api;

import java.util.Arrays;

import org.kdclaims.stats.ArmComparison;
import org.kdclaims.stats.Crossover;
import org.kdclaims.stats.Curve;
import org.kdclaims.stats.CurveClaims;
import org.kdclaims.stats.CurveShape;
import org.kdclaims.stats.Comparisons;

/**
 * The hypothesis of a claim, stated over per-seed metrics, e.g.
 * {@code assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError())}, over a sweep
 * {@code assertThat(students.testError()).fallsThenRises()}, or over training
 * {@code assertThat(fullKd.testErrorByEpoch()).crossesAbove(scratch.testErrorByEpoch())}. The test's statistics decide: SUPPORTED
 * passes, REFUTED fails, INCONCLUSIVE aborts, a claim outside the paper's regime (a failed premise)
 * aborts, and at smoke scale the verdict is only recorded. Two arms trained on the same seeds are
 * compared with the paired t-test (seed-to-seed noise shared by both arms cancels), otherwise with
 * Welch's. In a claim about teachers the tests run on per-teacher means ({@link Metric#perUnit()}),
 * paired by teacher seed, so that the spread between teachers is part of the noise a verdict must
 * beat. Every verdict goes to the claim report and Allure, with the test's power.
 */
public final class ClaimAssertions {
    private ClaimAssertions() {
    }

    public static MetricAssert assertThat(Metric metric) {
        return new MetricAssert(metric);
    }

    public static CurveAssert assertThat(CurveMetric curve) {
        return new CurveAssert(curve);
    }

    /** Assertions on one arm's metric. */
    public static final class MetricAssert {
        private final Metric actual;

        MetricAssert(Metric actual) {
            this.actual = actual;
        }

        /** One-sided test of mean(actual) < mean(other) at the claim's alpha (paired by seed when possible). */
        public void isSignificantlyLowerThan(Metric other) {
            sameMetric(other);
            ClaimVerdicts v = ClaimVerdicts.current();
            Metric x = actual.perUnit();
            Metric y = other.perUnit();
            ArmComparison c = Comparisons.lessThan(x.arm(), x.seeds(), x.values(), y.arm(), y.seeds(), y.values(),
                    v.alpha());
            v.conclude(actual, other, c);
        }

        /** One-sided test of mean(actual) > mean(other). */
        public void isSignificantlyHigherThan(Metric other) {
            new MetricAssert(other).isSignificantlyLowerThan(actual);
        }

        /**
         * One-sided one-sample test of mean(actual) > {@code value}, a fixed number such as a bound a
         * paper states (e.g. "students disagree with their teachers on at least 10 % of test points").
         * It is the paired t-test against a reference arm named {@code reference} that has {@code value}
         * at every seed, so the report shows the bound beside the arm, and a {@code @PaperValue}
         * labelled "{@code reference}: ..." gives the paper's own distance from it for the power.
         */
        public void isSignificantlyHigherThan(double value, String reference) {
            double[] constant = new double[actual.values().length];
            Arrays.fill(constant, value);
            new MetricAssert(actual.withValues(reference, constant)).isSignificantlyLowerThan(actual);
        }

        /**
         * Non-inferiority: mean(actual) is not lower than mean(other) by more than {@code margin}
         * (in the metric's unit), e.g. "the student of a bigger teacher is not better". REFUTED
         * when actual is significantly lower than other.
         */
        public void isNotSignificantlyLowerThan(Metric other, double margin) {
            sameMetric(other);
            ClaimVerdicts v = ClaimVerdicts.current();
            Metric x = actual.perUnit();
            Metric y = other.perUnit();
            ArmComparison c = Comparisons.notLowerThan(x.arm(), x.seeds(), x.values(), y.arm(), y.seeds(), y.values(),
                    margin, v.alpha());
            v.conclude(actual, other, c);
        }

        private void sameMetric(Metric other) {
            if (!actual.name().equals(other.name())) {
                throw new IllegalArgumentException("cannot compare " + actual.name() + " with " + other.name());
            }
        }
    }

    /**
     * Assertions on the shape of a curve (lower is better: errors, losses). One verdict per claim
     * ({@link CurveClaims}): shapes that compare points with the last one are Holm-corrected over
     * those comparisons; monotone shapes are one slope test.
     */
    public static final class CurveAssert {
        private final CurveMetric actual;

        CurveAssert(CurveMetric actual) {
            this.actual = actual;
        }

        /** "Falls, then rises": some point before the last is significantly lower than the last (C1's shape). */
        public void fallsThenRises() {
            judge(CurveShape.INTERIOR_MINIMUM);
        }

        /** "Some earlier point beats the end", e.g. an early-stopped teacher beats the fully trained one (C8). */
        public void hasBestPointBeforeTheEnd() {
            judge(CurveShape.BEST_BEFORE_END);
        }

        /** The values tend to rise along the curve (slope test). */
        public void increases() {
            judge(CurveShape.MONOTONE_INCREASING);
        }

        /** The values tend to fall along the curve (slope test). */
        public void decreases() {
            judge(CurveShape.MONOTONE_DECREASING);
        }

        /**
         * "This learning curve crosses above {@code other}": lower early in training, higher at its end
         * (the paper's Fig. 3), on curves from {@link Arm#testErrorByEpoch()}. With d = this - other at
         * each epoch both evaluated, paired by seed (per-unit means in a claim about teachers): SUPPORTED
         * when some epoch up to 40 % of training has d &lt; 0 (one-sided, Holm over those epochs) and the
         * final epoch has d &gt; 0, both at the claim's alpha (an intersection-union test); REFUTED when
         * the final d is significantly &lt; 0 or every early d is significantly &gt; 0; else INCONCLUSIVE
         * ({@link Crossover}).
         */
        public void crossesAbove(CurveMetric other) {
            overEpochs(actual);
            overEpochs(other);
            if (!actual.name().equals(other.name())) {
                throw new IllegalArgumentException("cannot compare " + actual.name() + " with " + other.name());
            }
            ClaimVerdicts v = ClaimVerdicts.current();
            v.conclude(actual, other, Crossover.crossesAbove(named(actual), named(other), v.alpha()));
        }

        private static void overEpochs(CurveMetric c) {
            if (!EpochCurve.DIMENSION.equals(c.dimension())) {
                throw new IllegalArgumentException("crossesAbove compares learning curves over epochs (from"
                        + " Arm.testErrorByEpoch()), but '" + c.curve() + "' is a curve over " + c.dimension()
                        + ": use fallsThenRises(), increases() or decreases() for a sweep");
            }
        }

        /** The statistics' curve, named after its arm (so that its tests read "fullKd at epoch 10"). */
        private static Curve named(CurveMetric c) {
            return new Curve(c.curve(), c.toCurve().points());
        }

        private void judge(CurveShape shape) {
            ClaimVerdicts v = ClaimVerdicts.current();
            v.conclude(actual, CurveClaims.test(actual.toCurve(), shape, v.alpha()));
        }
    }
}
