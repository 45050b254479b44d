package org.kdclaims.reports.baseline;

import org.kdclaims.results.model.ArmResult;

/**
 * How far an arm mean may move before it counts as drift: the larger of a fixed floor and a
 * number of standard errors of the difference of two means, so that noisy few-seed arms are
 * not flagged for ordinary seed variation while deterministic ones are held tight.
 *
 * @param absolute floor, in the metric's own unit
 * @param sigmas   multiple of sqrt(sd_b²/n_b + sd_c²/n_c)
 */
public record Tolerance(double absolute, double sigmas) {

    /** max(absolute, sigmas · sqrt(sd_b²/n_b + sd_c²/n_c)); an unknown sd (one seed) counts as 0. */
    public double threshold(ArmResult baseline, ArmResult current) {
        double se = Math.sqrt(variance(baseline) + variance(current));
        return Math.max(absolute, sigmas * se);
    }

    private static double variance(ArmResult arm) {
        int n = arm.units();
        double sd = arm.sd();
        if (n <= 0 || Double.isNaN(sd) || Double.isInfinite(sd)) {
            return 0;
        }
        return sd * sd / n;
    }
}
