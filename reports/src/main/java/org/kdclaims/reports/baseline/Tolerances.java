package org.kdclaims.reports.baseline;

import java.util.HashMap;
import java.util.Map;

/**
 * Drift tolerances: one fallback (the default), overridden per metric name (the {@code metric} of a claim,
 * e.g. "test error %"), because metrics differ in unit and noise.
 */
public record Tolerances(Tolerance fallback, Map<String, Tolerance> byMetric) {
    /**
     * The default floor only absorbs floating-point noise; the seed-aware part (3 standard
     * errors) carries the real tolerance. Set a per-metric floor where a metric needs one.
     */
    public static final Tolerance DEFAULT = new Tolerance(1e-6, 3.0);

    public Tolerances {
        fallback = fallback == null ? DEFAULT : fallback;
        byMetric = byMetric == null ? Map.of() : Map.copyOf(byMetric);
    }

    public static Tolerances defaults() {
        return new Tolerances(DEFAULT, Map.of());
    }

    public Tolerance forMetric(String metric) {
        return metric == null ? fallback : byMetric.getOrDefault(metric, fallback);
    }

    public Tolerances withDefault(Tolerance t) {
        return new Tolerances(t, byMetric);
    }

    public Tolerances withMetric(String metric, Tolerance t) {
        Map<String, Tolerance> m = new HashMap<>(byMetric);
        m.put(metric, t);
        return new Tolerances(fallback, m);
    }
}
