package org.kdclaims.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.TrainedModel;

/**
 * An arm's test error at every epoch its students were evaluated on the test set along training, as a
 * {@link CurveMetric} over epochs ({@link Arm#testErrorByEpoch()}). Only the students of a claim
 * annotated {@code @LearningCurve} are evaluated along the way (with that schedule in their keys);
 * every other model is evaluated where the scale profile says, often only at the middle and the end,
 * which is no curve, so such an arm is refused with the fix rather than drawn from two points.
 */
final class EpochCurve {
    /** What varies along the curve; x is the number of epochs trained when evaluated. */
    static final String DIMENSION = "epoch";

    private EpochCurve() {
    }

    static CurveMetric testError(Arm arm) {
        if (arm.seeds().isEmpty()) {
            throw new IllegalStateException("arm '" + arm.name() + "' has no seeds, so no learning curve");
        }
        List<Map<Integer, EpochMetrics>> bySeed = new ArrayList<>();
        for (Arm.SeedResult s : arm.seeds()) {
            bySeed.add(evaluated(arm, s));
        }
        Map<Integer, EpochMetrics> first = bySeed.get(0);
        for (int i = 1; i < bySeed.size(); i++) {
            if (!bySeed.get(i).keySet().equals(first.keySet())) {
                throw new IllegalStateException(String.format(Locale.ROOT, "arm '%s': seed %d was evaluated after "
                        + "epochs %s but seed %d after %s; its students must share one schedule (the same claim's "
                        + "@LearningCurve and scale)", arm.name(), arm.seeds().get(0).seed(), first.keySet(),
                        arm.seeds().get(i).seed(), bySeed.get(i).keySet()));
            }
        }
        String name = FinalMetric.TEST_ERROR.label();
        List<CurveMetric.Point> points = new ArrayList<>();
        for (int epoch : first.keySet()) {
            double[] values = bySeed.stream().mapToDouble(m -> 100 * m.get(epoch).testError()).toArray();
            points.add(new CurveMetric.Point("epoch " + epoch, epoch, arm.metric(name, values)));
        }
        return new CurveMetric(arm.name(), DIMENSION, name, points);
    }

    /** The epochs (trained, 1-based) at which one seed's model was evaluated, with its metrics there. */
    private static Map<Integer, EpochMetrics> evaluated(Arm arm, Arm.SeedResult s) {
        if (s.models().size() != 1) {
            throw new IllegalStateException("arm '" + arm.name() + "' is an ensemble of " + s.models().size()
                    + " models: its error is that of their averaged prediction, computed after training only, so it"
                    + " has no learning curve; compare arms of single students");
        }
        TrainedModel m = s.models().get(0);
        if (!m.spec().learningCurve()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "arm '%s' has no learning curve: its students"
                    + " were evaluated on the test set every %d of %d epochs only (the scale profile's schedule, not a"
                    + " curve); annotate the claim or its class with @LearningCurve(points = 10) to evaluate them at"
                    + " 10 evenly spaced epochs", arm.name(), Math.max(1, m.spec().evalEvery()), m.spec().epochs()));
        }
        Map<Integer, EpochMetrics> evaluated = new TreeMap<>();
        for (EpochMetrics e : m.curve()) {
            if (e.evaluated()) {
                evaluated.put(e.epoch() + 1, e);
            }
        }
        return evaluated;
    }
}
