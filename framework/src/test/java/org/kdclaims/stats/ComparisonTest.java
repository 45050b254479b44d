package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparisonTest {
    // Reference values from R: t.test(c(1,2,3), c(4,5,6), alternative = "less")
    // t = -3.6742, df = 4, p-value = 0.01066
    @Test
    void welchOneSidedMatchesReference() {
        Comparison c = Comparison.lessThan("a", new double[] {1, 2, 3}, "b", new double[] {4, 5, 6}, 0.05);
        assertThat(c.t()).isCloseTo(-3.6742, within(1e-4));
        assertThat(c.df()).isCloseTo(4.0, within(1e-9));
        assertThat(c.pValue()).isCloseTo(0.01066, within(1e-5));
        assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    // the mirror image of the case above: the opposite direction is significant
    @Test
    void significantInTheOtherDirectionRefutes() {
        Comparison c = Comparison.lessThan("a", new double[] {4, 5, 6}, "b", new double[] {1, 2, 3}, 0.05);
        assertThat(c.pValue()).isCloseTo(1 - 0.01066, within(1e-5));
        assertThat(c.pOpposite()).isCloseTo(0.01066, within(1e-5));
        assertThat(c.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(c.effectSize()).isPositive();
    }

    // Welch-Satterthwaite by hand: a = (10.1, 10.4, 9.8, 10.0), b = (9.0, 9.9, 9.5):
    // va = 0.0625/4, vb = 0.20333/3, t = 0.60833 / sqrt(va + vb) = 2.1063, df = 2.924
    @Test
    void unequalVariancesUseWelchDegreesOfFreedom() {
        Comparison c = Comparison.lessThan("a", new double[] {10.1, 10.4, 9.8, 10.0}, "b", new double[] {9.0, 9.9, 9.5}, 0.05);
        assertThat(c.t()).isCloseTo(2.1063, within(1e-3));
        assertThat(c.df()).isCloseTo(2.924, within(1e-2));
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void overlappingArmsAreInconclusive() {
        Comparison c = Comparison.lessThan("a", new double[] {5.0, 5.2, 4.9}, "b", new double[] {5.1, 5.0, 5.2}, 0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void oneSeedCannotGiveAVerdict() {
        Comparison c = Comparison.lessThan("a", new double[] {1}, "b", new double[] {9}, 0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.pValue()).isNaN();
    }

    @Test
    void zeroVarianceArmsDecideBySign() {
        assertThat(Comparison.lessThan("a", new double[] {1, 1}, "b", new double[] {2, 2}, 0.05).verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(Comparison.lessThan("a", new double[] {2, 2}, "b", new double[] {2, 2}, 0.05).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void messageNamesMeansCisAndP() {
        Comparison c = Comparison.lessThan("eskd", new double[] {1, 2, 3}, "fullKd", new double[] {4, 5, 6}, 0.05);
        assertThat(c.describe("test error (%)")).contains("eskd = 2.0000", "fullKd = 5.0000", "95% CI", "p = 0.01066",
                "SUPPORTED");
    }

    // non-inferiority with margin 1: a = (5, 6, 7), b = (4, 5, 6): diff = 1, shifted diff = 2,
    // se = sqrt(2/3), t = 2.449, df = 4 -> p = 0.0352 < 0.05
    @Test
    void notLowerThanIsSupportedWhenAClearlyIsNotBetter() {
        Comparison c = Comparison.notLowerThan("big", new double[] {5, 6, 7}, "medium", new double[] {4, 5, 6}, 1, 0.05);
        assertThat(c.t()).isCloseTo(2.4495, within(1e-4));
        assertThat(c.pValue()).isCloseTo(0.0352, within(1e-3));
        assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(c.alternative()).isEqualTo("mean(big) - mean(medium) > -1");
    }

    @Test
    void notLowerThanIsRefutedWhenASignificantlyIsBetter() {
        Comparison c = Comparison.notLowerThan("big", new double[] {1, 2, 3}, "medium", new double[] {4, 5, 6}, 0.5, 0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void notLowerThanWithoutEnoughEvidenceIsInconclusive() {
        Comparison c = Comparison.notLowerThan("big", new double[] {5.0, 5.9, 4.4}, "medium", new double[] {5.1, 5.0, 5.6}, 0.1, 0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
