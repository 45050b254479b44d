package org.kdclaims.api;

import org.kdclaims.stats.Comparison;

/**
 * The hypothesis of a claim, stated over per-seed metrics, e.g.
 * {@code assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError())}.
 * The test's statistics decide: SUPPORTED passes, REFUTED fails, INCONCLUSIVE aborts, and at
 * smoke scale the verdict is only recorded. Every verdict goes to the claim report and Allure.
 */
public final class ClaimAssertions {
    private ClaimAssertions() {
    }

    public static MetricAssert assertThat(Metric metric) {
        return new MetricAssert(metric);
    }

    /** Assertions on one arm's metric. */
    public static final class MetricAssert {
        private final Metric actual;

        MetricAssert(Metric actual) {
            this.actual = actual;
        }

        /** One-sided Welch test of mean(actual) < mean(other) at the claim's alpha. */
        public void isSignificantlyLowerThan(Metric other) {
            sameMetric(other);
            Comparison c = Comparison.lessThan(actual.arm().name(), actual.values(), other.arm().name(), other.values(),
                    actual.recorder().alpha());
            actual.recorder().conclude(actual, other, c);
        }

        /** One-sided Welch test of mean(actual) > mean(other). */
        public void isSignificantlyHigherThan(Metric other) {
            new MetricAssert(other).isSignificantlyLowerThan(actual);
        }

        /**
         * Non-inferiority: mean(actual) is not lower than mean(other) by more than {@code margin}
         * (in the metric's unit), e.g. "the student of a bigger teacher is not better". REFUTED
         * when actual is significantly lower than other.
         */
        public void isNotSignificantlyLowerThan(Metric other, double margin) {
            sameMetric(other);
            Comparison c = Comparison.notLowerThan(actual.arm().name(), actual.values(), other.arm().name(),
                    other.values(), margin, actual.recorder().alpha());
            actual.recorder().conclude(actual, other, c);
        }

        private void sameMetric(Metric other) {
            if (!actual.name().equals(other.name())) {
                throw new IllegalArgumentException("cannot compare " + actual.name() + " with " + other.name());
            }
        }
    }
}
