package org.kdclaims.api;

import java.util.List;

import org.kdclaims.stats.Curve;

/**
 * A per-seed metric along an {@link ArmCurve}: one {@link Metric} per point, in the sweep's order.
 * Pure data, judged by {@link ClaimAssertions#assertThat(CurveMetric)}.
 *
 * @param curve     the curve's name (the parameter's)
 * @param dimension what varies along it, e.g. "teacher architecture"
 * @param name      the metric, e.g. "test error (%)"
 */
public record CurveMetric(String curve, String dimension, String name, List<Point> points) {
    public CurveMetric {
        points = List.copyOf(points);
    }

    /** One point: its label (the swept value as written, e.g. "wrn-16-4"), position and metric. */
    public record Point(String label, double x, Metric metric) {
    }

    /**
     * The statistics' view: labelled points with their seeds and values; in a claim about teachers, per-teacher
     * means paired by teacher seed ({@link Metric#perUnit()}).
     */
    public Curve toCurve() {
        return new Curve(curve + " " + name, points.stream()
                .map(p -> {
                    Metric m = p.metric().perUnit();
                    return new Curve.Point(p.label(), p.x(), m.seeds(), m.values());
                }).toList());
    }
}
