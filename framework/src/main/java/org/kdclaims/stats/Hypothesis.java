package org.kdclaims.stats;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The two claim hypotheses and their verdict rules, shared by Welch's and the paired test so the
 * rules are written once. {@code test.apply(shift)} is the t statistic of
 * {@code mean(A) - mean(B) + shift}.
 * <ul>
 *   <li>"mean(A) < mean(B)": SUPPORTED when p(A < B) < alpha, REFUTED when p(A > B) < alpha.</li>
 *   <li>"mean(A) - mean(B) > -margin" (non-inferiority): REFUTED when A is significantly lower
 *       than B, SUPPORTED when the difference is significantly above {@code -margin}.</li>
 * </ul>
 * Each direction is tested at the full one-sided alpha; they cannot both be significant.
 */
record Hypothesis(String alternative, double margin, TStatistic reported, double pValue, double pOpposite,
        Verdict verdict) {

    static Hypothesis lessThan(String nameA, String nameB, DoubleFunction<TStatistic> test, double alpha) {
        TStatistic plain = test.apply(0);
        Verdict v = !plain.valid() ? Verdict.INCONCLUSIVE
                : plain.pLess() < alpha ? Verdict.SUPPORTED
                : plain.pGreater() < alpha ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        return new Hypothesis("mean(" + nameA + ") < mean(" + nameB + ")", 0, plain, plain.pLess(), plain.pGreater(), v);
    }

    static Hypothesis notLowerThan(String nameA, String nameB, double margin, DoubleFunction<TStatistic> test,
            double alpha) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("the non-inferiority margin must be >= 0, got " + margin);
        }
        TStatistic plain = test.apply(0);
        TStatistic shifted = test.apply(margin);
        Verdict v = !plain.valid() ? Verdict.INCONCLUSIVE
                : plain.pLess() < alpha ? Verdict.REFUTED
                : shifted.pGreater() < alpha ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
        return new Hypothesis("mean(" + nameA + ") - mean(" + nameB + ") > -" + number(margin), margin, shifted,
                shifted.pGreater(), plain.pLess(), v);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String fmt(Summary s) {
        return String.format(Locale.ROOT, "%.4f [95%% CI %.4f, %.4f] (n=%d)", s.mean(), s.ciLow(), s.ciHigh(), s.n());
    }
}
