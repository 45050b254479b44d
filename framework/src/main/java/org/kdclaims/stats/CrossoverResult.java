package org.kdclaims.stats;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One verdict on "the first learning curve crosses above the second" ({@link Crossover}), with what it
 * rests on: each early epoch's test of {@code d < 0} (Holm-adjusted), the final epoch's test of
 * {@code d > 0}, the decisive test and its power.
 *
 * @param earlyUntil   the last epoch of the early part ({@value Crossover#EARLY_FRACTION} of training)
 * @param early        the early epochs' tests, in epoch order
 * @param bestEarly    index into {@code early} of the most significant early test (smallest p of d &lt; 0)
 * @param late         the final epoch's test
 * @param decisiveEarly index into {@code early} of the decisive test; -1 when the final epoch decides
 * @param pValue       the decisive p: the intersection-union p (the larger of the best early epoch's
 *                     Holm-adjusted p and the final's) unless REFUTED, then the p of the refuting test
 * @param power        the decisive test's power (minimum detectable difference at 80 %)
 * @param earlyPower   the best early test's, at alpha / m (Holm's first step)
 * @param latePower    the final test's, at alpha
 * @param refutedBy    why REFUTED, in words; null otherwise
 */
public record CrossoverResult(String first, String second, String method, double earlyUntil, List<Tested> early,
        int bestEarly, Tested late, int decisiveEarly, double pValue, Power power, Power earlyPower, Power latePower,
        String refutedBy, double alpha, Verdict verdict) {

    /**
     * One tested epoch: {@code comparison} is "mean(first) &lt; mean(second)" there, so its mean
     * difference is {@code d = first - second}, its p is p(d &lt; 0) and its opposite p is p(d &gt; 0).
     * {@code adjustedBelow}: the Holm-adjusted p(d &lt; 0) of an early epoch; NaN for the final one.
     */
    public record Tested(String label, double x, ArmComparison comparison, double adjustedBelow) {
        public double pBelow() {
            return comparison.pValue();
        }

        public double pAbove() {
            return comparison.pOpposite();
        }

        public double difference() {
            return comparison.meanDifference();
        }
    }

    public CrossoverResult {
        early = List.copyOf(early);
    }

    /** The test the verdict rests on: an early epoch's or the final one's. */
    public Tested decisive() {
        return decisiveEarly < 0 ? late : early.get(decisiveEarly);
    }

    public Tested best() {
        return early.get(bestEarly);
    }

    /** The decision rule with this claim's names, epochs and alpha, in words (for the report). */
    public String rule() {
        return String.format(Locale.ROOT, "d = %s - %s at each epoch both evaluated, paired by seed (per-teacher means"
                + " in a claim about teachers). Early part: epochs up to %s (%.0f %% of training, the final epoch"
                + " excluded), one-sided tests of d < 0, Holm-corrected over them. Late part: the final epoch,"
                + " one-sided test of d > 0. SUPPORTED when some early test (Holm) and the late test are significant"
                + " at alpha %s (an intersection-union test); REFUTED when the final d is significantly < 0 (no"
                + " crossover) or every early d is significantly > 0 (never below early); else INCONCLUSIVE.",
                first, second,
                Crossover.epoch(earlyUntil), 100 * Crossover.EARLY_FRACTION, alpha);
    }

    /** One line with the decisive numbers: used in the console and in failure and abort messages. */
    public String describe() {
        String tested = early.stream().map(t -> String.format(Locale.ROOT, "%s d %+.4f (Holm p %.4g)", t.label(),
                t.difference(), t.adjustedBelow())).collect(Collectors.joining("; "));
        Tested b = best();
        String bestEarly = String.format(Locale.ROOT, "best early %s: d %+.4f [95%% CI %.4f, %.4f], Holm p %.4g,"
                + " detectable %.4g", b.label(), b.difference(), b.comparison().differenceCiLow(),
                b.comparison().differenceCiHigh(), b.adjustedBelow(), earlyPower.mdd());
        String atEnd = String.format(Locale.ROOT, "final %s: d %+.4f [95%% CI %.4f, %.4f], p(d > 0) %.4g,"
                + " p(d < 0) %.4g, detectable %.4g", late.label(), late.difference(),
                late.comparison().differenceCiLow(), late.comparison().differenceCiHigh(), late.pAbove(),
                late.pBelow(), latePower.mdd());
        return String.format(Locale.ROOT, "%s crosses above %s: H: %s (%s, alpha %.2f); early: %s; %s; %s;"
                + " decided by %s, %s%s -> %s", first, second, Crossover.CLAIM, method, alpha, tested, bestEarly, atEnd,
                decisive().label(), power.describe(), refutedBy == null ? "" : "; " + refutedBy, verdict);
    }
}
