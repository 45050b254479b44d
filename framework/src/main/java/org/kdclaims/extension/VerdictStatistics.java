package org.kdclaims.extension;

import java.util.Locale;
import java.util.Optional;

import org.apache.commons.math3.distribution.TDistribution;
import org.kdclaims.api.CurveMetric;
import org.kdclaims.api.Metric;
import org.kdclaims.results.model.Replication;
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

    /**
     * A two-arm verdict; {@code paperDifference} = paper(A) - paper(B) or null. {@code c} ran on what the
     * claim replicates (per-teacher means in a claim about teachers); {@code a} and {@code b} are the
     * per-student metrics, from which the variance components come.
     */
    static Statistics of(ArmComparison c, Double paperDifference, Metric a, Metric b) {
        boolean lessThan = c.alternative().endsWith("< mean(" + c.nameB() + ")");
        double effect = paperDifference == null ? Double.NaN
                : lessThan ? -paperDifference : paperDifference + c.margin();
        Power power = c.power(c.alpha(), effect);
        return new Statistics(c.test(), pairing(c, a), correlation(c), c.meanDifference(), c.differenceCiLow(),
                c.differenceCiHigh(), c.margin(), c.pValue(), c.alpha(), power.mdd(), paperDifference,
                paperDifference == null ? null : power.requiredN().orElse(Statistics.UNREACHABLE),
                paperDifference == null ? null : effect > 0 && power.mdd() <= effect, null, null,
                ReplicationStatistics.of(a, b, c.alpha(), effect));
    }

    /**
     * A curve's verdict. Shapes against the last point rest on one comparison (the decisive one, see
     * {@link CurveResult#decisiveIndex()}), its p Holm-adjusted; {@code paperDifference} is then
     * paper(that point) - paper(last point). Monotone shapes rest on the slope (per point index), which
     * the paper gives no number for.
     */
    static Statistics of(CurveResult r, Double paperDifference, CurveMetric curve) {
        int d = r.decisiveIndex();
        Metric last = curve.points().get(curve.points().size() - 1).metric();
        if (d < 0) {
            // a slope per point index has no paper counterpart: power as the minimum detectable slope only
            Trend t = r.trend();
            double pClaim = r.shape() == CurveShape.MONOTONE_INCREASING ? t.pIncreasing() : t.pDecreasing();
            double half = new TDistribution(t.df()).inverseCumulativeProbability(0.975) * t.se();
            String pairing = Trend.PER_SEED.equals(t.method()) ? "paired by seed (per-seed slopes), " + t.n() + " seeds"
                    : "unpaired";
            return new Statistics(r.method(), pairing, null, t.slope(), t.slope() - half, t.slope() + half, 0, pClaim,
                    r.alpha(), r.power().mdd(), null, null, null, null, null,
                    ReplicationStatistics.of(curve.points().get(0).metric(), last, r.alpha(), Double.NaN));
        }
        ArmComparison c = r.comparisons().get(d);
        int m = r.comparisons().size();
        double effect = paperDifference == null ? Double.NaN : -paperDifference;
        Power power = c.power(r.alpha() / m, effect);
        double p = r.verdict() == Verdict.REFUTED ? r.adjustedRefute()[d] : r.adjustedSupport()[d];
        return new Statistics(r.method(), pairing(c, last), correlation(c), c.meanDifference(), c.differenceCiLow(),
                c.differenceCiHigh(), 0, p, r.alpha(), power.mdd(), paperDifference,
                paperDifference == null ? null : power.requiredN().orElse(Statistics.UNREACHABLE),
                paperDifference == null ? null : effect > 0 && power.mdd() <= effect,
                Holm.METHOD + " over " + m + " comparisons with " + r.reference(), null,
                ReplicationStatistics.of(curve.points().get(d).metric(), last, r.alpha() / m, effect));
    }

    /**
     * The sentence that says plainly that this test could not have detected the paper's effect, for
     * the console line and the failure or abort message; empty when it could or the paper gives none.
     */
    static Optional<String> detectability(Statistics s, int seeds) {
        if (!s.missesPaperEffect()) {
            return Optional.empty();
        }
        // what the test's n counts: teachers in a claim about teachers, else seeds
        String unit = s.replication() != null && Replication.UNIT_TEACHER.equals(s.replication().unit())
                ? "teachers" : "seeds";
        String needed = s.seedsToDetectPaper() == null || s.seedsToDetectPaper() == Statistics.UNREACHABLE
                ? "no affordable number of " + unit + " would" : s.seedsToDetectPaper() + " " + unit + " would be needed";
        return Optional.of(String.format(Locale.ROOT, "this test could NOT detect the paper's effect (paper's"
                + " difference %.3g; with %d %s it detects %.3g at %d%% power; %s)", s.paperDifference(), seeds,
                unit, s.detectableDifference(), LEVEL_PERCENT, needed));
    }

    static String pairing(ArmComparison c, Metric a) {
        String by = a.byTeacher() ? "paired by teacher seed (per-teacher means), " : "paired by seed, ";
        return c instanceof PairedComparison p ? by + p.n() + " pairs" : "unpaired";
    }

    static Double correlation(ArmComparison c) {
        return c instanceof PairedComparison p && Double.isFinite(p.correlation()) ? p.correlation() : null;
    }
}
