package org.kdclaims.stats;

import java.util.OptionalInt;
import java.util.function.IntToDoubleFunction;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Power of one-sided t-tests from the noncentral t distribution: a test that rejects when
 * {@code estimate / se > c} (c the {@code 1 - alpha} quantile of t with df degrees of freedom) has,
 * for a true effect e, power {@code 1 - F(c; df, e / se)}. The spread is the observed one (per-arm
 * sds for Welch, the sd of the differences for the paired test), so these are estimates, as all
 * post-hoc power is; they say what the design could detect, not whether the effect is there.
 * See {@link Power} for what each number means and the sign convention.
 */
public final class PowerAnalysis {
    /** The conventional target power. */
    public static final double LEVEL = 0.8;
    /** The largest number of seeds a required-n search considers. */
    public static final int MAX_N = 1000;

    private PowerAnalysis() {
    }

    /** Power of a one-sided t-test for a true effect {@code effect} >= 0 beyond the null boundary. */
    public static double power(double effect, double se, double df, double alpha) {
        if (!(se > 0) || !(df > 0)) {
            return Double.NaN;
        }
        double critical = new TDistribution(df).inverseCumulativeProbability(1 - alpha);
        return 1 - NoncentralT.cdf(critical, df, effect / se);
    }

    /** The smallest effect detected with probability {@code level}: solves power(effect) = level. */
    public static double mdd(double se, double df, double alpha, double level) {
        if (!(se > 0) || !(df > 0)) {
            return Double.NaN;
        }
        double hi = se * (new TDistribution(df).inverseCumulativeProbability(1 - alpha) + 10);
        while (power(hi, se, df, alpha) < level) {
            hi *= 2;
        }
        return new BrentSolver(1e-14 * hi, 1e-14).solve(1000, e -> power(e, se, df, alpha) - level, 0, hi);
    }

    /** Paired (or one-sample) test: n pairs, differences with standard deviation sd. */
    public static Power paired(int n, double sd, double alpha, double effect) {
        return of(PairedComparison.METHOD, n, alpha, effect, m -> sd / Math.sqrt(m), m -> m - 1);
    }

    /**
     * Welch's test at the current nA and nB; required n is per arm with equal arms, the sds
     * held at their observed values.
     */
    public static Power welch(int nA, double sdA, int nB, double sdB, double alpha, double effect) {
        double va = sdA * sdA;
        double vb = sdB * sdB;
        double se = Math.sqrt(va / nA + vb / nB);
        double df = welchDf(va / nA, nA, vb / nB, nB);
        Power atEqualN = of(Comparison.METHOD, Math.min(nA, nB), alpha, effect,
                m -> Math.sqrt((va + vb) / m), m -> welchDf(va / m, m, vb / m, m));
        return new Power(Comparison.METHOD, alpha, LEVEL, Math.min(nA, nB), mdd(se, df, alpha, LEVEL), effect,
                Double.isNaN(effect) ? Double.NaN : power(effect, se, df, alpha), atEqualN.requiredN(), MAX_N);
    }

    private static double welchDf(double ua, int nA, double ub, int nB) {
        if (nA < 2 || nB < 2) {
            return Double.NaN;
        }
        return ua + ub == 0 ? nA + nB - 2 : (ua + ub) * (ua + ub) / (ua * ua / (nA - 1) + ub * ub / (nB - 1));
    }

    /** The fewest n in [2, maxN] with power(effect) >= level, by bisection (power grows with n). */
    public static OptionalInt requiredN(double effect, IntToDoubleFunction se, IntToDoubleFunction df, double alpha,
            double level, int maxN) {
        if (!(effect > 0) || !(power(effect, se.applyAsDouble(maxN), df.applyAsDouble(maxN), alpha) >= level)) {
            return OptionalInt.empty();
        }
        int lo = 1;
        int hi = maxN;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (power(effect, se.applyAsDouble(mid), df.applyAsDouble(mid), alpha) >= level) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalInt.of(hi);
    }

    private static Power of(String test, int n, double alpha, double effect, IntToDoubleFunction se,
            IntToDoubleFunction df) {
        double seN = n < 2 ? Double.NaN : se.applyAsDouble(n);
        double dfN = n < 2 ? Double.NaN : df.applyAsDouble(n);
        OptionalInt required = Double.isNaN(effect) || Double.isNaN(se.applyAsDouble(MAX_N))
                ? OptionalInt.empty() : requiredN(effect, se, df, alpha, LEVEL, MAX_N);
        return new Power(test, alpha, LEVEL, n, mdd(seN, dfN, alpha, LEVEL), effect,
                Double.isNaN(effect) ? Double.NaN : power(effect, seN, dfN, alpha), required, MAX_N);
    }
}
