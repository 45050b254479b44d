package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The slope of error on log2 size and the monotone check of its means, against regressions done by hand. */
class SizeTrendTest {

    @Test
    void slopeAndOneSidedPOfAKnownRegression() {
        // x = 1..5, y = 10, 9, 9, 7, 6. By hand: mean x 3, mean y 8.2, Sxx = 10,
        // Sxy = (-2)(1.8) + (-1)(0.8) + 0 + (1)(-1.2) + (2)(-2.2) = -10, slope = -1; fitted 10.2 .. 6.2,
        // residuals -0.2, -0.2, 0.8, -0.2, -0.2, SSE = 0.8, se = sqrt(0.8 / 3 / 10) = 0.163299,
        // t = -1 / se = -sqrt(37.5) = -6.123724 on df 3; t(3)'s cdf is
        // 1/2 + (u / (1 + u^2) + atan u) / pi with u = t / sqrt 3 = -3.535534: 0.0043772
        // (scipy.stats.linregress and scipy.stats.t.cdf agree to the digits given).
        SizeTrend s = SizeTrend.of(new double[] {1, 2, 3, 4, 5}, new double[] {10, 9, 9, 7, 6});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.slope()).isCloseTo(-1.0, within(1e-12));
        assertThat(s.se()).isCloseTo(0.163299, within(1e-6));
        assertThat(s.t()).isCloseTo(-6.123724, within(1e-6));
        assertThat(s.df()).isEqualTo(3);
        assertThat(s.pDecreasing()).isCloseTo(0.0043772, within(1e-6));
        assertThat(s.testable()).isTrue();
        assertThat(s.fallsSignificantly(0.05)).isTrue();
        assertThat(s.fallsSignificantly(0.001)).isFalse();
        // 9 at x = 2 and 9 at x = 3: equal means are no inversion
        assertThat(s.levels()).extracting(SizeTrend.Level::mean).containsExactly(10.0, 9.0, 9.0, 7.0, 6.0);
        assertThat(s.worstInversion()).isEmpty();
    }

    @Test
    void levelsAreMeansPerSizeAndTheWorstInversionIsTheLargestExcess() {
        // x = 1, 1, 2, 2, 2, 4; y = 10, 11, 9, 10.5, 9.5, 10.2. By hand: mean x 2, mean y 10.0333, Sxx = 6,
        // Sxy = (-1)(-0.0333) + (-1)(0.9667) + 0 + 0 + 0 + (2)(0.1667) = -0.6, slope = -0.1;
        // scipy: se 0.321023, t -0.311504, df 4, p 0.385489.
        SizeTrend s = SizeTrend.of(new double[] {1, 1, 2, 2, 2, 4}, new double[] {10, 11, 9, 10.5, 9.5, 10.2});
        assertThat(s.slope()).isCloseTo(-0.1, within(1e-12));
        assertThat(s.se()).isCloseTo(0.321023, within(1e-6));
        assertThat(s.pDecreasing()).isCloseTo(0.385489, within(1e-6));
        assertThat(s.fallsSignificantly(0.05)).isFalse();
        assertThat(s.levels()).extracting(SizeTrend.Level::x).containsExactly(1.0, 2.0, 4.0);
        assertThat(s.levels()).extracting(SizeTrend.Level::n).containsExactly(2, 3, 1);
        assertThat(s.levels().get(1).mean()).isCloseTo(9.6667, within(1e-4));
        // 4 vs 2: 10.2 - 9.667 = 0.533 (4 vs 1: 10.2 < 10.5, no inversion)
        assertThat(s.worstInversion()).hasValueSatisfying(w -> {
            assertThat(w.smaller().x()).isEqualTo(2.0);
            assertThat(w.larger().x()).isEqualTo(4.0);
            assertThat(w.excess()).isCloseTo(0.5333, within(1e-4));
        });
    }

    @Test
    void oneSizeHasNoSlopeAndNoInversion() {
        SizeTrend s = SizeTrend.of(new double[] {17, 17, 17}, new double[] {9, 8, 10});
        assertThat(s.levels()).singleElement().satisfies(l -> assertThat(l.mean()).isEqualTo(9.0));
        assertThat(s.slope()).isNaN();
        assertThat(s.testable()).isFalse();
        assertThat(s.fallsSignificantly(0.05)).isFalse();
        assertThat(s.worstInversion()).isEmpty();
    }

    @Test
    void twoModelsHaveASlopeButNoTest() {
        SizeTrend s = SizeTrend.of(new double[] {17, 18}, new double[] {9, 7});
        assertThat(s.slope()).isEqualTo(-2.0);
        assertThat(s.pDecreasing()).isNaN();
        assertThat(s.testable()).isFalse();
        assertThat(s.fallsSignificantly(0.05)).isFalse();
    }

    @Test
    void aPerfectFallIsCertain() {
        SizeTrend s = SizeTrend.of(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertThat(s.se()).isCloseTo(0, within(1e-12));
        assertThat(s.pDecreasing()).isLessThan(1e-6);
        assertThat(s.fallsSignificantly(0.05)).isTrue();
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> SizeTrend.of(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizeTrend.of(new double[0], new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
