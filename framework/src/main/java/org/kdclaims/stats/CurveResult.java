package org.kdclaims.stats;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One verdict on a curve's shape, with what it rests on: each point's mean and 95% CI, the best
 * (lowest-mean) point, and either the comparisons against the reference with their Holm-adjusted
 * p-values in both directions (reference shapes) or the slope test (monotone shapes; then
 * {@code comparisons} is empty and the adjusted arrays have length 0). {@code power} is that of the
 * decisive comparison (see {@link CurveClaims}).
 */
public record CurveResult(String curve, CurveShape shape, String method, List<PointSummary> points, int bestIndex,
        String reference, List<ArmComparison> comparisons, double[] adjustedSupport, double[] adjustedRefute,
        List<String> significant, Trend trend, Power power, double alpha, Verdict verdict) {

    /** A point's label and its per-seed summary. */
    public record PointSummary(String label, double x, Summary summary) {
    }

    public PointSummary best() {
        return points.get(bestIndex);
    }

    public String describe() {
        String pts = points.stream().map(p -> String.format(Locale.ROOT, "%s %.4f [%.4f, %.4f]", p.label(),
                p.summary().mean(), p.summary().ciLow(), p.summary().ciHigh())).collect(Collectors.joining("; "));
        String basis = trend != null ? trend.describe()
                : "vs " + reference + ", significant: " + (significant.isEmpty() ? "none" : String.join(", ", significant));
        return String.format(Locale.ROOT, "%s: H: %s (%s, alpha %.2f); points: %s; best %s; %s; %s -> %s", curve,
                shape.claim(), method, alpha, pts, best().label(), basis, power == null ? "no power" : power.describe(),
                verdict);
    }
}
