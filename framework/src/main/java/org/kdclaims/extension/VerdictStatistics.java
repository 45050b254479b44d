package org.kdclaims.extension;

import java.util.Locale;
import java.util.Optional;

import org.apache.commons.math3.distribution.TDistribution;
import org.kdclaims.results.model.Statistics;
import org.kdclaims.stats.ArmComparison;
import org.kdclaims.stats.CurveResult;
import org.kdclaims.stats.CurveShape;
import org.kdclaims.stats.Holm;
import org.kdclaims.stats.PairedComparison;
import org.kdclaims.stats.Power;
import org.kdclaims.stats.Trend;
import org.kdclaims.stats.Verdict;

/**
 * A verdict's {@link Statistics}: the difference and its CI, the test and its pairing, and its power,
 * in particular whether these seeds could have detected the paper's own difference at all (a REFUTED
 * or INCONCLUSIVE verdict from a test that could not says little about the paper).
 * <p>Power is that of the test as run: 80 % at one-sided alpha (alpha / m for Holm's first step).
 * {@code detectableDifference} is {@link Power#mdd()}, the true effect beyond the null boundary in the
 * claimed direction that the test finds with 80 % power; the paper's effect is measured the same way
 * (for "A &lt; B": paper(B) - paper(A); for "A not lower than B by more than margin":
 * paper(A) - paper(B) + margin), and {@code canDetectPaperEffect} is mdd &le; that effect.
 */
final class VerdictStatistics {
    private static final int LEVEL_PERCENT = 80;

    private VerdictStatistics() {
    }

    /** A two-arm verdict; {@code paperDifference} = paper(A) - paper(B) or null. */
    static Statistics of(ArmComparison c, Double paperDifference) {
        boolean lessThan = c.alternative().endsWith("< mean(" + c.nameB() + ")");
        double effect = paperDifference == null ? Double.NaN
                : lessThan ? -paperDifference : paperDifference + c.margin();
        Power power = c.power(c.alpha(), effect);
        return new Statistics(c.test(), pairing(c), correlation(c), c.meanDifference(), c.differenceCiLow(),
                c.differenceCiHigh(), c.margin(), c.pValue(), c.alpha(), power.mdd(), paperDifference,
                paperDifference == null ? null : power.requiredN().orElse(Statistics.UNREACHABLE),
                paperDifference == null ? null : effect > 0 && power.mdd() <= effect, null, null);
    }

    /**
     * A curve's verdict. Shapes against the last point rest on one comparison (the decisive one, see
     * {@link CurveResult#decisiveIndex()}), its p Holm-adjusted; {@code paperDifference} is then
     * paper(that point) - paper(last point). Monotone shapes rest on the slope (per point index), which
     * the paper gives no number for.
     */
    static Statistics of(CurveResult r, Double paperDifference) {
        int d = r.decisiveIndex();
        if (d < 0) {
            // a slope per point index has no paper counterpart: power as the minimum detectable slope only
            Trend t = r.trend();
            double pClaim = r.shape() == CurveShape.MONOTONE_INCREASING ? t.pIncreasing() : t.pDecreasing();
            double half = new TDistribution(t.df()).inverseCumulativeProbability(0.975) * t.se();
            String pairing = Trend.PER_SEED.equals(t.method()) ? "paired by seed (per-seed slopes), " + t.n() + " seeds"
                    : "unpaired";
            return new Statistics(r.method(), pairing, null, t.slope(), t.slope() - half, t.slope() + half, 0, pClaim,
                    r.alpha(), r.power().mdd(), null, null, null, null, null);
        }
        ArmComparison c = r.comparisons().get(d);
        int m = r.comparisons().size();
        double effect = paperDifference == null ? Double.NaN : -paperDifference;
        Power power = c.power(r.alpha() / m, effect);
        double p = r.verdict() == Verdict.REFUTED ? r.adjustedRefute()[d] : r.adjustedSupport()[d];
        return new Statistics(r.method(), pairing(c), correlation(c), c.meanDifference(), c.differenceCiLow(),
                c.differenceCiHigh(), 0, p, r.alpha(), power.mdd(), paperDifference,
                paperDifference == null ? null : power.requiredN().orElse(Statistics.UNREACHABLE),
                paperDifference == null ? null : effect > 0 && power.mdd() <= effect,
                Holm.METHOD + " over " + m + " comparisons with " + r.reference(), null);
    }

    /**
     * The sentence that says plainly that this test could not have detected the paper's effect, for
     * the console line and the failure or abort message; empty when it could or the paper gives none.
     */
    static Optional<String> detectability(Statistics s, int seeds) {
        if (!s.missesPaperEffect()) {
            return Optional.empty();
        }
        String needed = s.seedsToDetectPaper() == null || s.seedsToDetectPaper() == Statistics.UNREACHABLE
                ? "no affordable number of seeds would" : s.seedsToDetectPaper() + " seeds would be needed";
        return Optional.of(String.format(Locale.ROOT, "this test could NOT detect the paper's effect (paper's"
                + " difference %.3g; with %d seeds it detects %.3g at %d%% power; %s)", s.paperDifference(), seeds,
                s.detectableDifference(), LEVEL_PERCENT, needed));
    }

    private static String pairing(ArmComparison c) {
        return c instanceof PairedComparison p ? "paired by seed, " + p.n() + " pairs" : "unpaired";
    }

    private static Double correlation(ArmComparison c) {
        return c instanceof PairedComparison p && Double.isFinite(p.correlation()) ? p.correlation() : null;
    }
}
