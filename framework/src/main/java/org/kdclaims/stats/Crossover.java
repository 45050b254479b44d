package org.kdclaims.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "The first learning curve crosses above the second": the first is lower early in training and higher
 * at its end (the paper's Fig. 3: full KD's student beats the scratch student early and loses to it
 * late). The curves' points are evaluated epochs (x: epochs trained), their last point the end of
 * training. The rule, fixed before any run (README, "Learning curves"):
 * <ul>
 *   <li>{@code d_e = first(e) - second(e)}, paired by seed (by replication unit when the curves hold
 *       per-unit means) at each epoch both curves have; Welch's test where the seeds differ
 *       ({@link Comparisons}).</li>
 *   <li><b>Early part</b>: the epochs up to and including {@value #EARLY_FRACTION} of training, the final
 *       epoch excluded. One-sided tests of {@code d_e < 0}, Holm-corrected over those epochs.</li>
 *   <li><b>Late part</b>: the final epoch, one-sided test of {@code d_final > 0}.</li>
 *   <li><b>SUPPORTED</b> when some Holm-adjusted early test and the late test are significant at alpha:
 *       an intersection-union test (both parts must hold), which needs no further correction.</li>
 *   <li><b>REFUTED</b> when {@code d_final} is significantly below 0 (the first stays below: no
 *       crossover), or when every early {@code d_e} is significantly above 0 (never below early), each
 *       early test at alpha: "every" is again an intersection, so no correction.</li>
 *   <li>Otherwise <b>INCONCLUSIVE</b>.</li>
 * </ul>
 * The decisive test is the weaker of the two parts (the one with the larger p: the intersection-union
 * p is their maximum), or the part that refutes. Power is that of the decisive test, at alpha / m for
 * an early epoch (Holm's first step, as {@link CurveClaims} reports it) and at alpha for the final.
 */
public final class Crossover {
    /** The early part ends here, as a fraction of training (the paper's ESKD stops at about 40 %). */
    public static final double EARLY_FRACTION = 0.4;
    public static final String CLAIM = "below early in training, above at its end (the curves cross)";

    private Crossover() {
    }

    /** Tests "{@code first} crosses above {@code second}" at {@code alpha}; lower values are better. */
    public static CrossoverResult crossesAbove(Curve first, Curve second, double alpha) {
        Map<Double, Curve.Point[]> common = common(first, second);
        double end = last(first).x();
        double earlyUntil = EARLY_FRACTION * end;
        List<Curve.Point[]> earlyPoints = new ArrayList<>();
        for (Curve.Point[] p : common.values()) {
            if (p[0].x() < end && p[0].x() <= earlyUntil) {
                earlyPoints.add(p);
            }
        }
        if (earlyPoints.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s and %s have no evaluated epoch in the "
                    + "first %.0f %% of training (epochs %s of %s): evaluate along training, e.g. "
                    + "@LearningCurve(points = 10) on the claim", first.name(), second.name(), 100 * EARLY_FRACTION,
                    common.keySet().stream().map(Crossover::epoch).collect(Collectors.joining(", ")), epoch(end)));
        }
        List<ArmComparison> comparisons = earlyPoints.stream().map(p -> compare(first, second, p, alpha)).toList();
        double[] adjusted = Holm.adjust(comparisons.stream().mapToDouble(ArmComparison::pValue).toArray());
        List<CrossoverResult.Tested> early = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Curve.Point p = earlyPoints.get(i)[0];
            early.add(new CrossoverResult.Tested(p.label(), p.x(), comparisons.get(i), adjusted[i]));
        }
        CrossoverResult.Tested late = new CrossoverResult.Tested(last(first).label(), end,
                compare(first, second, common.get(end), alpha), Double.NaN);
        return judge(first.name(), second.name(), earlyUntil, early, late, alpha);
    }

    private static CrossoverResult judge(String first, String second, double earlyUntil,
            List<CrossoverResult.Tested> early, CrossoverResult.Tested late, double alpha) {
        int best = 0;
        for (int i = 1; i < early.size(); i++) {
            if (early.get(i).pBelow() < early.get(best).pBelow()) {
                best = i;
            }
        }
        double pCrossing = Math.max(early.get(best).adjustedBelow(), late.pAbove());
        boolean neverBelow = early.stream().allMatch(t -> t.pAbove() < alpha);
        Verdict verdict;
        CrossoverResult.Tested decisive;
        double p;
        String refutedBy = null;
        if (pCrossing < alpha) {
            verdict = Verdict.SUPPORTED;
            decisive = weaker(early.get(best), late);
            p = pCrossing;
        } else if (late.pBelow() < alpha) {
            verdict = Verdict.REFUTED;
            decisive = late;
            p = late.pBelow();
            refutedBy = "the first curve is still significantly below the second at the end: no crossover";
        } else if (neverBelow) {
            verdict = Verdict.REFUTED;
            decisive = early.stream().max((a, b) -> Double.compare(a.pAbove(), b.pAbove())).orElseThrow();
            p = decisive.pAbove();
            refutedBy = "the first curve is significantly above the second at every early epoch: never below early";
        } else {
            verdict = Verdict.INCONCLUSIVE;
            decisive = weaker(early.get(best), late);
            p = pCrossing;
        }
        // an early epoch is tested at alpha / m in Holm's first step, unless it refutes (then each at alpha)
        boolean holmLevel = decisive != late && refutedBy == null;
        Power power = decisive.comparison().power(holmLevel ? alpha / early.size() : alpha, Double.NaN);
        Power earlyPower = early.get(best).comparison().power(alpha / early.size(), Double.NaN);
        Power latePower = late.comparison().power(alpha, Double.NaN);
        String method = String.format(Locale.ROOT, "%s: d = %s - %s; early (epochs <= %s, %d tested): d < 0, %s; "
                + "final: d > 0; intersection-union test", early.get(0).comparison().test(), first, second,
                epoch(earlyUntil), early.size(), Holm.METHOD);
        return new CrossoverResult(first, second, method, earlyUntil, List.copyOf(early), best, late,
                early.indexOf(decisive), p, power, earlyPower, latePower, refutedBy, alpha, verdict);
    }

    /** Of the two parts of the intersection-union test, the one with the larger p (the one that decides). */
    private static CrossoverResult.Tested weaker(CrossoverResult.Tested early, CrossoverResult.Tested late) {
        return early.adjustedBelow() > late.pAbove() ? early : late;
    }

    /** "mean(first) < mean(second)" at one epoch: d = first - second, p(d < 0) and p(d > 0). */
    private static ArmComparison compare(Curve first, Curve second, Curve.Point[] p, double alpha) {
        return Comparisons.lessThan(first.name() + " at " + p[0].label(), p[0].seeds(), p[0].values(),
                second.name() + " at " + p[1].label(), p[1].seeds(), p[1].values(), alpha);
    }

    /** The epochs both curves evaluated, in order, each with both points; both must end at the same epoch. */
    private static Map<Double, Curve.Point[]> common(Curve first, Curve second) {
        if (first.size() == 0 || second.size() == 0) {
            throw new IllegalArgumentException("a crossover needs two learning curves with points, got "
                    + first.size() + " and " + second.size() + " points");
        }
        if (last(first).x() != last(second).x()) {
            throw new IllegalArgumentException(first.name() + " ends at epoch " + epoch(last(first).x()) + " and "
                    + second.name() + " at epoch " + epoch(last(second).x())
                    + ": compare learning curves of runs of the same length");
        }
        Map<Double, Curve.Point> byX = new TreeMap<>();
        second.points().forEach(p -> byX.put(p.x(), p));
        Map<Double, Curve.Point[]> common = new TreeMap<>();
        for (Curve.Point p : first.points()) {
            Curve.Point q = byX.get(p.x());
            if (q != null) {
                common.put(p.x(), new Curve.Point[] {p, q});
            }
        }
        return common;
    }

    private static Curve.Point last(Curve c) {
        return c.point(c.size() - 1);
    }

    static String epoch(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
