package org.kdclaims.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tests a curve's shape and gives ONE verdict per claim, the family-wise error controlled by Holm.
 * <p>Reference shapes ({@link CurveShape#INTERIOR_MINIMUM}, {@link CurveShape#BEST_BEFORE_END}):
 * every earlier point is compared with the reference (the last point, or a separate arm) by
 * {@link Comparisons#lessThan} (paired when the seeds are shared, else Welch), giving one-sided
 * p(point < reference) and p(point > reference). SUPPORTED when some Holm-adjusted
 * p(point < reference) is below alpha (some earlier point is lower); REFUTED when every
 * Holm-adjusted p(point > reference) is below alpha (the reference is lower than all of them);
 * else INCONCLUSIVE. Each direction is its own family at alpha, as in {@link Comparison}.
 * <p>Power is that of the decisive comparison: the most significant one when SUPPORTED, the least
 * significant one when REFUTED, the best point against the reference when INCONCLUSIVE, at
 * alpha / m (the level Holm's first step needs; conservative for later steps).
 * <p>Monotone shapes: the slope test of {@link Trend}, one test, no correction needed.
 */
public final class CurveClaims {
    private CurveClaims() {
    }

    public static CurveResult test(Curve curve, CurveShape shape, double alpha) {
        if (curve.size() < 2) {
            throw new IllegalArgumentException(curve.name() + ": a curve needs at least two points");
        }
        return switch (shape) {
            case INTERIOR_MINIMUM, BEST_BEFORE_END -> {
                List<Curve.Point> early = curve.points().subList(0, curve.size() - 1);
                yield againstReference(curve.name(), shape, curve.points(), early, curve.point(curve.size() - 1), alpha);
            }
            case MONOTONE_INCREASING, MONOTONE_DECREASING -> trend(curve, shape, alpha);
        };
    }

    /** {@link CurveShape#BEST_BEFORE_END} against a separate end arm (e.g. the fully trained teacher). */
    public static CurveResult bestBeforeEnd(Curve early, Curve.Point end, double alpha) {
        List<Curve.Point> all = new ArrayList<>(early.points());
        all.add(end);
        return againstReference(early.name(), CurveShape.BEST_BEFORE_END, all, early.points(), end, alpha);
    }

    private static CurveResult againstReference(String name, CurveShape shape, List<Curve.Point> all,
            List<Curve.Point> early, Curve.Point ref, double alpha) {
        int m = early.size();
        List<ArmComparison> comparisons = new ArrayList<>();
        double[] support = new double[m];
        double[] refute = new double[m];
        for (int i = 0; i < m; i++) {
            Curve.Point p = early.get(i);
            ArmComparison c = Comparisons.lessThan(p.label(), p.seeds(), p.values(), ref.label(), ref.seeds(),
                    ref.values(), alpha);
            comparisons.add(c);
            support[i] = c.pValue();
            refute[i] = c.pOpposite();
        }
        double[] adjSupport = Holm.adjust(support);
        double[] adjRefute = Holm.adjust(refute);
        boolean anySupport = false;
        boolean allRefute = true;
        List<String> significant = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            anySupport |= adjSupport[i] < alpha;
            allRefute &= adjRefute[i] < alpha;
            if (adjSupport[i] < alpha) {
                significant.add(String.format(Locale.ROOT, "%s < %s (adjusted p %.4g)", early.get(i).label(),
                        ref.label(), adjSupport[i]));
            }
            if (adjRefute[i] < alpha) {
                significant.add(String.format(Locale.ROOT, "%s > %s (adjusted p %.4g)", early.get(i).label(),
                        ref.label(), adjRefute[i]));
            }
        }
        Verdict verdict = anySupport ? Verdict.SUPPORTED : allRefute ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        int decisive = verdict == Verdict.SUPPORTED ? CurveResult.argMin(adjSupport)
                : verdict == Verdict.REFUTED ? CurveResult.argMax(adjRefute) : bestOf(early);
        Power power = comparisons.get(decisive).power(alpha / m, Double.NaN);
        String method = Holm.METHOD + " over " + m + " one-sided comparisons with " + ref.label() + " ("
                + comparisons.get(0).test() + ")";
        return new CurveResult(name, shape, method, summaries(all), bestOf(all), ref.label(), List.copyOf(comparisons),
                adjSupport, adjRefute, List.copyOf(significant), null, power, alpha, verdict);
    }

    private static CurveResult trend(Curve curve, CurveShape shape, double alpha) {
        Trend t = Trend.of(curve);
        double pClaim = shape == CurveShape.MONOTONE_INCREASING ? t.pIncreasing() : t.pDecreasing();
        double pOpposite = shape == CurveShape.MONOTONE_INCREASING ? t.pDecreasing() : t.pIncreasing();
        Verdict verdict = pClaim < alpha ? Verdict.SUPPORTED : pOpposite < alpha ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        return new CurveResult(curve.name(), shape, t.method(), summaries(curve.points()), bestOf(curve.points()), null,
                List.of(), new double[0], new double[0], List.of(), t, t.power(alpha, Double.NaN), alpha, verdict);
    }

    private static List<CurveResult.PointSummary> summaries(List<Curve.Point> points) {
        return points.stream().map(p -> new CurveResult.PointSummary(p.label(), p.x(), p.summary())).toList();
    }

    private static int bestOf(List<Curve.Point> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).summary().mean() < points.get(best).summary().mean()) {
                best = i;
            }
        }
        return best;
    }
}
