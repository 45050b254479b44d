package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kdclaims.stats.SequentialDesign.Decision;

class SequentialDesignTest {
    private static final double ALPHA = 0.05;
    private static final int CLAIMS = 4000;

    @Test
    void nominalLevelsSpendAlphaExactlyAndGrow() {
        SequentialDesign d = new SequentialDesign(3, 10, 1, ALPHA);
        assertThat(d.looks()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Arrays.stream(d.nominalAlphas()).sum()).isCloseTo(ALPHA, within(1e-15));
        double[] a = d.nominalAlphas();
        for (int k = 1; k < a.length - 1; k++) {
            assertThat(a[k]).isGreaterThan(a[k - 1]);
        }
        assertThat(new SequentialDesign(5, 5, 1, ALPHA).nominalAlphas()).containsExactly(ALPHA);
    }

    @Test
    void decidesEachDirectionOnItsOwnBudgetAndIsInconclusiveOnlyAtTheEnd() {
        SequentialDesign d = new SequentialDesign(3, 10, 2, ALPHA);
        double first = d.nominalAlpha(0);
        assertThat(d.decide(0, first / 2, 1 - first / 2)).isEqualTo(Decision.SUPPORTED);
        assertThat(d.decide(0, 1 - first / 2, first / 2)).isEqualTo(Decision.REFUTED);
        assertThat(d.decide(0, 0.01, 0.99)).isEqualTo(Decision.CONTINUE);
        assertThat(d.decide(d.lookCount() - 1, 0.5, 0.5)).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(d.decide(0, Double.NaN, Double.NaN)).isEqualTo(Decision.CONTINUE);
        assertThatThrownBy(() -> new SequentialDesign(1, 10, 1, ALPHA)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Thousands of simulated paired claims, no training: per-seed values normal, a shared seed effect
     * in both arms, "mean(A) < mean(B)" tested after each look. Prints the numbers to quote.
     */
    @Test
    void simulationKeepsTypeOneErrorBelowAlphaAndSavesSeeds() {
        {
            // rounds of one seed (looks 3..10); with step 2 (looks 3, 5, 7, 9, 10) the numbers are similar
            SequentialDesign d = new SequentialDesign(3, 10, 1, ALPHA);
            Outcome nul = simulate(d, 0, 11L, false);
            Outcome eff = simulate(d, 1.5, 12L, false);
            Outcome naive = simulate(d, 0, 11L, true);
            Outcome fixed = simulate(new SequentialDesign(10, 10, 1, ALPHA), 1.5, 12L, false);
            double se = Math.sqrt(ALPHA * (1 - ALPHA) / CLAIMS);
            System.out.printf(Locale.ROOT, "%s%n  %d claims per scenario, paired, effect 1.5 sd of the differences%n"
                    + "  null:   false SUPPORTED %.4f (limit alpha + 3 SE = %.4f), REFUTED %.4f, mean seeds %.2f of %d%n"
                    + "  effect: power (SUPPORTED) %.4f, mean seeds %.2f of %d (%.0f%% saved); fixed n=10 power %.4f%n"
                    + "  naive (full alpha at every look): false SUPPORTED %.4f%n",
                    d, CLAIMS, nul.supported, ALPHA + 3 * se, nul.refuted, nul.meanSeeds, 10, eff.supported,
                    eff.meanSeeds, 10, 100 * (1 - eff.meanSeeds / 10), fixed.supported, naive.supported);
            assertThat(nul.supported).isLessThanOrEqualTo(ALPHA + 3 * se);
            assertThat(nul.refuted).isLessThanOrEqualTo(ALPHA + 3 * se);
            assertThat(naive.supported).isGreaterThan(ALPHA + 3 * se);
            assertThat(eff.supported).isGreaterThan(0.8);
            assertThat(eff.meanSeeds).isLessThan(10);
        }
    }

    private record Outcome(double supported, double refuted, double meanSeeds) {
    }

    private static Outcome simulate(SequentialDesign d, double effect, long seed, boolean naive) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int max = d.seedsAt(d.lookCount() - 1);
        int supported = 0;
        int refuted = 0;
        long seeds = 0;
        for (int c = 0; c < CLAIMS; c++) {
            double[] a = new double[max];
            double[] b = new double[max];
            for (int i = 0; i < max; i++) {
                double shared = gauss(rnd);
                // differences a - b have sd sqrt(2): shift by effect * sqrt(2) for an effect in sd units
                a[i] = shared + gauss(rnd);
                b[i] = shared + gauss(rnd) + effect * Math.sqrt(2);
            }
            for (int k = 0; k < d.lookCount(); k++) {
                int n = d.seedsAt(k);
                PairedComparison p = PairedComparison.lessThan("a", Arrays.copyOf(a, n), "b", Arrays.copyOf(b, n), ALPHA);
                Decision decision = naive
                        ? p.pValue() < ALPHA ? Decision.SUPPORTED : p.pOpposite() < ALPHA ? Decision.REFUTED
                                : k == d.lookCount() - 1 ? Decision.INCONCLUSIVE : Decision.CONTINUE
                        : d.decide(k, p);
                if (decision != Decision.CONTINUE) {
                    seeds += n;
                    supported += decision == Decision.SUPPORTED ? 1 : 0;
                    refuted += decision == Decision.REFUTED ? 1 : 0;
                    break;
                }
            }
        }
        return new Outcome((double) supported / CLAIMS, (double) refuted / CLAIMS, (double) seeds / CLAIMS);
    }

    private static double gauss(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
