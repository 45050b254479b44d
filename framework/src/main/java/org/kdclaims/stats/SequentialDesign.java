package org.kdclaims.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The decision rule for adaptive seeds ({@code @Seeds(min = 3, max = 10)}): look at the comparison
 * after n = min, min + step, ..., max seeds (max is always the last look) and stop as soon as the
 * verdict is decided, keeping the type-I error of each direction at most alpha.
 * <p><b>Alpha spending.</b> The Lan-DeMets spending function of O'Brien-Fleming type (Lan and DeMets
 * 1983, "Discrete sequential boundaries for clinical trials", Biometrika 70:659-663; O'Brien and
 * Fleming 1979, Biometrics 35:549-556), {@code alpha(t) = 2 - 2 Phi(z_{1-alpha/2} / sqrt(t))} with
 * information fraction {@code t = n / max}, spends almost nothing early and most of alpha at the
 * end, so a design that runs to max loses little against the fixed test.
 * <p><b>Nominal levels.</b> Look k is tested at the nominal one-sided level
 * {@code alpha_k = alpha(t_k) - alpha(t_{k-1})}. Since these sum to alpha, Bonferroni's inequality
 * bounds the probability of a false verdict at any look by alpha, whatever the correlation between
 * the looks. This is conservative (an exact group-sequential boundary would use the correlation
 * sqrt(t_j / t_k) between looks to spend less strictly), but the exact boundaries are derived for
 * normal statistics with known variance; with t statistics on 3-10 seeds the variance estimate
 * changes at each look and the normal-theory boundaries do not hold exactly, while the Bonferroni
 * bound holds for any test whose p-values are valid at each look. An alternative that does not
 * rely on the t approximation is AdaStop (Mathieu et al. 2023, "AdaStop: adaptive statistical
 * testing for sound comparisons of deep RL agents"), a group-sequential permutation test.
 * <p><b>Two directions.</b> As the fixed tests do, the claimed direction (SUPPORTED) and the
 * opposite one (REFUTED) each have their own alpha budget, spent by the same function: look k says
 * SUPPORTED when {@code pSupport < alpha_k}, REFUTED when {@code pRefute < alpha_k}. (One-sided
 * p-values in opposite directions cannot both be small.) At the last look, neither means
 * INCONCLUSIVE.
 */
public final class SequentialDesign {

    /** What to do after a look. */
    public enum Decision {
        CONTINUE, SUPPORTED, REFUTED, INCONCLUSIVE
    }

    private final int[] looks;
    private final double[] nominal;
    private final double alpha;

    public SequentialDesign(int min, int max, int step, double alpha) {
        if (min < 2 || max < min || step < 1) {
            throw new IllegalArgumentException("need 2 <= min <= max and step >= 1, got min " + min + ", max " + max
                    + ", step " + step);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.alpha = alpha;
        IntStream ns = IntStream.iterate(min, n -> n < max, n -> n + step);
        this.looks = IntStream.concat(ns, IntStream.of(max)).toArray();
        this.nominal = new double[looks.length];
        double spentBefore = 0;
        for (int k = 0; k < looks.length; k++) {
            double spent = spending((double) looks[k] / max, alpha);
            nominal[k] = spent - spentBefore;
            spentBefore = spent;
        }
    }

    /** The Lan-DeMets O'Brien-Fleming-type spending function: alpha spent by information fraction t. */
    public static double spending(double t, double alpha) {
        if (t <= 0) {
            return 0;
        }
        NormalDistribution z = new NormalDistribution();
        double c = z.inverseCumulativeProbability(1 - alpha / 2);
        return t >= 1 ? alpha : 2 * (1 - z.cumulativeProbability(c / Math.sqrt(t)));
    }

    /** The seed counts at which the comparison is looked at, ascending, the last being max. */
    public int[] looks() {
        return looks.clone();
    }

    public int lookCount() {
        return looks.length;
    }

    public int seedsAt(int look) {
        return looks[look];
    }

    public double alpha() {
        return alpha;
    }

    /** The nominal one-sided level of look {@code look} (0-based), for each direction. */
    public double nominalAlpha(int look) {
        return nominal[look];
    }

    public double[] nominalAlphas() {
        return nominal.clone();
    }

    /**
     * The decision after look {@code look} (0-based), from the comparison's one-sided p-values in the
     * claimed ({@code pSupport}) and the opposite ({@code pRefute}) direction at that look. NaN
     * p-values (too few seeds) are never significant.
     */
    public Decision decide(int look, double pSupport, double pRefute) {
        if (look < 0 || look >= looks.length) {
            throw new IllegalArgumentException("look " + look + " of " + looks.length);
        }
        if (pSupport < nominal[look]) {
            return Decision.SUPPORTED;
        }
        if (pRefute < nominal[look]) {
            return Decision.REFUTED;
        }
        return look == looks.length - 1 ? Decision.INCONCLUSIVE : Decision.CONTINUE;
    }

    /** {@link #decide(int, double, double)} with the comparison's {@code pValue} and {@code pOpposite}. */
    public Decision decide(int look, ArmComparison c) {
        return decide(look, c.pValue(), c.pOpposite());
    }

    /** The verdict a final decision stands for (CONTINUE has none). */
    public static Verdict verdict(Decision d) {
        return switch (d) {
            case SUPPORTED -> Verdict.SUPPORTED;
            case REFUTED -> Verdict.REFUTED;
            case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
            case CONTINUE -> throw new IllegalArgumentException("no verdict yet");
        };
    }

    @Override
    public String toString() {
        return "SequentialDesign(looks " + Arrays.toString(looks) + ", nominal alpha " + Arrays.toString(nominal)
                + ", Lan-DeMets O'Brien-Fleming spending of " + alpha + " per direction, Bonferroni over looks)";
    }
}
