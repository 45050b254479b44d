package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparisonsTest {
    private static final double[] A = {0.61, 0.58, 0.64, 0.60, 0.59};
    private static final double[] B = {0.66, 0.60, 0.69, 0.63, 0.64};

    @Test
    void sharedSeedsArePairedBySeedWhateverTheOrder() {
        ArmComparison inOrder = Comparisons.lessThan("a", new long[] {1, 2, 3, 4, 5}, A, "b",
                new long[] {1, 2, 3, 4, 5}, B, 0.05);
        double[] bShuffled = {B[4], B[2], B[0], B[3], B[1]};
        ArmComparison shuffled = Comparisons.lessThan("a", new long[] {1, 2, 3, 4, 5}, A, "b",
                new long[] {5, 3, 1, 4, 2}, bShuffled, 0.05);
        assertThat(inOrder.test()).isEqualTo(PairedComparison.METHOD);
        assertThat(shuffled.test()).isEqualTo(PairedComparison.METHOD);
        assertThat(shuffled.t()).isCloseTo(inOrder.t(), within(1e-12));
        assertThat(shuffled.pValue()).isCloseTo(inOrder.pValue(), within(1e-15));
        assertThat(inOrder.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void differentSeedsUseWelch() {
        ArmComparison c = Comparisons.lessThan("a", new long[] {1, 2, 3, 4, 5}, A, "b", new long[] {6, 7, 8, 9, 10}, B,
                0.05);
        assertThat(c.test()).isEqualTo(Comparison.METHOD);
        assertThat(c.effectSizeName()).isEqualTo("Hedges' g");
        assertThat(c.pValue()).isEqualTo(Comparison.lessThan("a", A, "b", B, 0.05).pValue());
    }

    // pairing removes the shared seed effect: here Welch cannot tell, the paired test can
    @Test
    void pairingIsMorePowerfulWhenSeedsShareVariation() {
        long[] s = {1, 2, 3, 4, 5};
        ArmComparison paired = Comparisons.lessThan("a", s, A, "b", s, B, 0.05);
        Comparison welch = Comparison.lessThan("a", A, "b", B, 0.05);
        assertThat(paired.pValue()).isLessThan(welch.pValue());
        assertThat(paired.meanDifference()).isCloseTo(welch.meanDifference(), within(1e-15));
    }

    @Test
    void nonInferiorityGoesThroughTheSameEntryPoint() {
        long[] s = {1, 2, 3};
        ArmComparison c = Comparisons.notLowerThan("big", s, new double[] {38.2, 37.5, 39.1}, "medium", s,
                new double[] {36.9, 36.6, 37.8}, 0.5, 0.05);
        assertThat(c.test()).isEqualTo(PairedComparison.METHOD);
        assertThat(c.alternative()).isEqualTo("mean(big) - mean(medium) > -0.5");
        assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void duplicateSeedsAndMismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> Comparisons.lessThan("a", new long[] {1, 1}, new double[] {1, 2}, "b",
                new long[] {1, 2}, new double[] {1, 2}, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparisons.lessThan("a", new long[] {1}, new double[] {1, 2}, "b",
                new long[] {1, 2}, new double[] {1, 2}, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothResultsDescribeThemselvesWithPower() {
        long[] s = {1, 2, 3, 4, 5};
        String paired = Comparisons.lessThan("a", s, A, "b", s, B, 0.05).describeWithPower("error", 0.03);
        assertThat(paired).contains("paired t-test, one-sided over 5 pairs", "dz =", "80% power", "power");
        String welch = Comparison.lessThan("a", A, "b", B, 0.05).describeWithPower("error", Double.NaN);
        assertThat(welch).contains("Welch's t-test", "80% power").doesNotContain("seeds needed");
    }

    @Test
    void onePairGivesNoVerdictAndNoPower() {
        PairedComparison p = PairedComparison.lessThan("a", new double[] {1}, "b", new double[] {2}, 0.05);
        assertThat(p.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(p.pValue()).isNaN();
        assertThat(p.power(0.5).mdd()).isNaN();
    }

    @Test
    void welchDifferenceCiMatchesByHand() {
        // (1,2,3) vs (4,5,6): diff -3, se sqrt(2/3), df 4, t_{4,0.975} = 2.776445
        Comparison c = Comparison.lessThan("a", new double[] {1, 2, 3}, "b", new double[] {4, 5, 6}, 0.05);
        assertThat(c.differenceCiLow()).isCloseTo(-3 - 2.776445 * Math.sqrt(2.0 / 3), within(1e-5));
        assertThat(c.differenceCiHigh()).isCloseTo(-3 + 2.776445 * Math.sqrt(2.0 / 3), within(1e-5));
    }
}
