package org.kdclaims.stats;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The power side of a one-sided t-test, reported next to its verdict so that an INCONCLUSIVE
 * verdict can be read as "too few seeds for this effect" or not.
 * <ul>
 *   <li>{@code mdd}: the minimum detectable difference, the smallest true effect the test finds with
 *       probability {@code level} (80%) at one-sided {@code alpha}, with {@code n} seeds (per arm
 *       for Welch, pairs for the paired test) and the observed spread taken as the true one.</li>
 *   <li>{@code effect}, {@code powerAtEffect}: a given effect (the paper's) and the probability that
 *       the test finds it at the current n; NaN when no effect was given.</li>
 *   <li>{@code requiredN}: the fewest seeds (per arm, equal arms, or pairs) that give {@code level}
 *       power for {@code effect}, searched up to {@code maxN}; empty when not reachable by then.</li>
 * </ul>
 * Effects and the MDD are distances beyond the null boundary in the claimed direction: for
 * "mean(A) < mean(B)" the boundary is 0 and the effect is mean(B) - mean(A); for the non-inferiority
 * claim "mean(A) - mean(B) > -margin" the boundary is {@code -margin}, so an MDD of m means the
 * true mean(A) - mean(B) must be at least {@code m - margin} to be supported with 80% power (an
 * equal pair of arms, difference 0, is detected only when {@code margin >= m}).
 */
public record Power(String test, double alpha, double level, int n, double mdd, double effect, double powerAtEffect,
        OptionalInt requiredN, int maxN) {

    public boolean reachable() {
        return requiredN.isPresent();
    }

    public String describe() {
        String s = String.format(Locale.ROOT, "%s: %.0f%% power at one-sided alpha %.3g for a difference of %.4g (n=%d)",
                test, level * 100, alpha, mdd, n);
        if (Double.isNaN(effect)) {
            return s;
        }
        return s + String.format(Locale.ROOT, "; power %.2f for %.4g; %s", powerAtEffect, effect,
                requiredN.isPresent() ? requiredN.getAsInt() + " seeds needed for 80%"
                        : "80% not reachable with " + maxN + " seeds");
    }
}
