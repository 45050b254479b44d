package org.kdclaims.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.kdclaims.training.EpochMetrics;

/**
 * A whole sweep as one claim parameter: one {@link Arm} per point, in the order the parameter's
 * {@code @Sweep} gives them, e.g.
 * {@code void c1(@Sweep(teacher = {"wrn-16-2", "wrn-16-4", "wrn-16-8"}) ArmCurve students)}. The claim
 * then states the curve's shape ({@link ClaimAssertions#assertThat(CurveMetric)}) and gets one verdict.
 */
public final class ArmCurve {
    /** One point of the curve: the swept value as written (e.g. "wrn-16-4", "0.3"), its position, its arm. */
    public record Point(String label, double x, Arm arm) {
    }

    private final String name;
    private final String dimension;
    private final List<Point> points;

    public ArmCurve(String name, String dimension, List<Point> points) {
        this.name = name;
        this.dimension = dimension;
        this.points = List.copyOf(points);
    }

    public String name() {
        return name;
    }

    /** What varies along the curve, e.g. "teacher architecture". */
    public String dimension() {
        return dimension;
    }

    public List<Point> points() {
        return points;
    }

    /** Final top-1 test error in percent per seed, at every point. */
    public CurveMetric testError() {
        return of(FinalMetric.TEST_ERROR::of);
    }

    /** Final test KD error in percent per seed, at every point. */
    public CurveMetric testKdError() {
        return of(FinalMetric.TEST_KD_ERROR::of);
    }

    /** Final test cross-entropy per seed, at every point. */
    public CurveMetric testCrossEntropy() {
        return of(FinalMetric.TEST_CROSS_ENTROPY::of);
    }

    /** Any final-epoch metric per seed, at every point. */
    public CurveMetric metric(String metricName, ToDoubleFunction<EpochMetrics> of) {
        return of(a -> a.metric(metricName, of));
    }

    private CurveMetric of(Function<Arm, Metric> metric) {
        List<CurveMetric.Point> ps = points.stream()
                .map(p -> new CurveMetric.Point(p.label(), p.x(), metric.apply(p.arm()))).toList();
        return new CurveMetric(name, dimension, ps.get(0).metric().name(), ps);
    }
}
