package org.kdclaims.results.model;

import java.util.List;
import java.util.Map;

/**
 * One model training behind a claim. {@code configHash} identifies everything that determines
 * the result except the seed, so (configHash, seed) must always give the same final metrics:
 * the nightly comparison relies on that to detect non-determinism.
 *
 * @param role      what the model is for in the claim, e.g. "teacher", "student-kd", "scratch"
 * @param fromCache true if the model came from the training cache instead of being trained now
 */
public record TrainingRunRecord(String role, String arch, long seed, String configHash, int epochs,
                                double wallSeconds, double imagesPerSecond, boolean fromCache,
                                List<EpochRecord> curve, Map<String, Double> finalMetrics) {
    public TrainingRunRecord {
        curve = curve == null ? List.of() : curve;
        finalMetrics = finalMetrics == null ? Map.of() : finalMetrics;
    }
}
