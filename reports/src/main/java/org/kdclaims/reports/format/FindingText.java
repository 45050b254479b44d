package org.kdclaims.reports.format;

import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.Statistics;

import java.util.Locale;
import java.util.Optional;

/**
 * The pieces of a claim's one-line finding, e.g. "ESKD 0.66 points worse than full KD [0.2, 1.1]"
 * and "paper's effect detectable": what was found and how sure, without opening the claim. Plain
 * text; the caller escapes it.
 */
public final class FindingText {
    private FindingText() {
    }

    /**
     * The difference the verdict rests on with its 95 % CI. For a two-arm claim about test error it
     * says which arm is worse; otherwise it gives the signed difference (first arm minus second, or
     * the curve's decisive difference). Empty without statistics.
     */
    public static Optional<String> difference(ClaimResult c) {
        Statistics s = c.statistics();
        if (s == null || Double.isNaN(s.difference())) {
            return Optional.empty();
        }
        Optional<String> crossover = CrossoverText.finding(c);
        if (crossover.isPresent()) {
            return crossover;
        }
        String unit = points(c.metric());
        if (c.curve() == null && c.arms().size() >= 2) {
            ArmResult a = c.arms().get(0);
            ArmResult b = c.arms().get(1);
            // "worse"/"better" only where the difference is visibly first arm minus second arm
            boolean firstMinusSecond = Math.signum(s.difference()) == Math.signum(a.mean() - b.mean());
            if (lowerIsBetter(c.metric()) && s.difference() != 0 && firstMinusSecond) {
                boolean worse = s.difference() > 0;
                // "better by x" reads the CI of (B - A): the same interval, mirrored
                double lo = worse ? s.differenceCiLow() : -s.differenceCiHigh();
                double hi = worse ? s.differenceCiHigh() : -s.differenceCiLow();
                return Optional.of(a.name() + " " + Fmt.num(Math.abs(s.difference())) + unit
                        + (worse ? " worse than " : " better than ") + b.name() + " " + ci(lo, hi));
            }
            if (firstMinusSecond) {
                return Optional.of(a.name() + " \u2212 " + b.name() + " = " + signed(s.difference()) + unit + " "
                        + ci(s.differenceCiLow(), s.differenceCiHigh()));
            }
        }
        return Optional.of((c.curve() == null ? "difference " : "decisive difference ") + signed(s.difference())
                + unit + " " + ci(s.differenceCiLow(), s.differenceCiHigh()));
    }

    /** Whether the test could have seen the paper's effect; empty without statistics. */
    public static Optional<String> detectability(ClaimResult c) {
        Statistics s = c.statistics();
        if (s == null) {
            return Optional.empty();
        }
        if (s.canDetectPaperEffect() == null) {
            return Optional.of(s.paperDifference() == null ? "the paper gives no difference"
                    : "detectability unknown");
        }
        if (s.canDetectPaperEffect()) {
            return Optional.of("paper's effect detectable");
        }
        return Optional.of("paper's effect NOT detectable (paper " + Fmt.num(Math.abs(s.paperDifference()))
                + ", detectable " + Fmt.num(s.detectableDifference()) + ")");
    }

    private static boolean lowerIsBetter(String metric) {
        return metric != null && metric.toLowerCase(Locale.ROOT).contains("test error");
    }

    /** Differences of percentages are percentage points. */
    private static String points(String metric) {
        return metric != null && metric.contains("%") ? " points" : "";
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : "") + Fmt.num(d);
    }

    private static String ci(double lo, double hi) {
        return "[" + Fmt.num(lo) + ", " + Fmt.num(hi) + "]";
    }
}
