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

    /**
     * The comparison the verdict rests on (index into {@link #comparisons()}): the most significant
     * one when SUPPORTED, the least significant one when REFUTED, the best earlier point when
     * INCONCLUSIVE; -1 for monotone shapes, which rest on the slope test.
     */
    public int decisiveIndex() {
        if (comparisons.isEmpty()) {
            return -1;
        }
        return switch (verdict) {
            case SUPPORTED -> argMin(adjustedSupport);
            case REFUTED -> argMax(adjustedRefute);
            default -> bestIndex < comparisons.size() ? bestIndex : bestEarlier();
        };
    }

    private int bestEarlier() {
        int best = 0;
        for (int i = 1; i < comparisons.size(); i++) {
            if (points.get(i).summary().mean() < points.get(best).summary().mean()) {
                best = i;
            }
        }
        return best;
    }

    static int argMin(double[] v) {
        int k = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[k]) {
                k = i;
            }
        }
        return k;
    }

    static int argMax(double[] v) {
        int k = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[k]) {
                k = i;
            }
        }
        return k;
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
