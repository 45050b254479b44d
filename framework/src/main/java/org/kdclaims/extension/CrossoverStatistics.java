package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kdclaims.api.CurveMetric;
import org.kdclaims.api.Metric;
import org.kdclaims.results.model.CrossoverEpoch;
import org.kdclaims.results.model.CrossoverRecord;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.Statistics;
import org.kdclaims.stats.ArmComparison;
import org.kdclaims.stats.Crossover;
import org.kdclaims.stats.CrossoverResult;

/**
 * A crossover verdict ("the first learning curve crosses above the second") as the results keep it: the
 * {@link Statistics} of its decisive test, as every verdict has, and a {@link CrossoverRecord} with both
 * curves and every tested epoch, so that the report and Allure show the best early epoch's numbers and
 * the final epoch's side by side, not only the one that decided.
 */
final class CrossoverStatistics {
    private CrossoverStatistics() {
    }

    /**
     * The decisive test's difference, p (the intersection-union p, or the refuting test's), power and
     * pairing; the paper gives no number for a crossover, so there is no paper difference to detect.
     */
    static Statistics of(CrossoverResult r, CurveMetric first, CurveMetric second) {
        CrossoverResult.Tested d = r.decisive();
        ArmComparison c = d.comparison();
        Metric a = at(first, d.x());
        Metric b = at(second, d.x());
        String multiplicity = String.format(Locale.ROOT, "Holm over the %d early epochs (up to epoch %s, %.0f %% of"
                + " training); intersection-union with the final epoch, no further correction; decided by %s (%s)",
                r.early().size(), number(r.earlyUntil()), 100 * Crossover.EARLY_FRACTION, d.label(),
                d == r.late() ? "the final epoch" : "an early epoch");
        return new Statistics(r.method(), VerdictStatistics.pairing(c, a) + " at each epoch",
                VerdictStatistics.correlation(c), c.meanDifference(), c.differenceCiLow(), c.differenceCiHigh(), 0,
                r.pValue(), r.alpha(), r.power().mdd(), null, null, null, multiplicity, null,
                ReplicationStatistics.of(a, b, r.power().alpha(), Double.NaN));
    }

    /** Both curves, the best early epoch and the final one marked, and every tested epoch. */
    static CrossoverRecord record(CrossoverResult r, CurveMetric first, CurveMetric second) {
        List<Double> marked = List.of(r.best().x(), r.late().x(), r.decisive().x());
        List<CrossoverEpoch> tests = new ArrayList<>();
        double earlyAlpha = r.alpha() / r.early().size();
        for (CrossoverResult.Tested t : r.early()) {
            tests.add(epoch(t, CrossoverRecord.EARLY, earlyAlpha, t == r.best(), t == r.decisive()));
        }
        tests.add(epoch(r.late(), CrossoverRecord.FINAL, r.alpha(), false, r.late() == r.decisive()));
        return new CrossoverRecord(r.first(), r.second(), r.earlyUntil(), curve(first, marked),
                curve(second, marked), tests, r.rule());
    }

    private static CrossoverEpoch epoch(CrossoverResult.Tested t, String part, double alpha, boolean best,
            boolean decisive) {
        ArmComparison c = t.comparison();
        return new CrossoverEpoch(t.label(), t.x(), part, c.meanDifference(), c.differenceCiLow(),
                c.differenceCiHigh(), t.pBelow(), t.adjustedBelow(), t.pAbove(), c.power(alpha, Double.NaN).mdd(),
                best, decisive);
    }

    private static List<CurvePoint> curve(CurveMetric c, List<Double> marked) {
        return c.points().stream().map(p -> new CurvePoint(p.label(), p.x(), ClaimRecorder.arm(p.metric()), null,
                marked.contains(p.x()))).toList();
    }

    /** The per-student metric of a curve at epoch x (for the variance components). */
    static Metric at(CurveMetric c, double x) {
        return c.points().stream().filter(p -> p.x() == x).findFirst().orElseThrow().metric();
    }

    /** The last point's metric: the arm at the end of training. */
    static Metric end(CurveMetric c) {
        return c.points().get(c.points().size() - 1).metric();
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
