package org.kdclaims.api;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.TrainedModel;

/**
 * One arm of a claim: the same recipe trained once per seed (e.g. "ESKD students of WRN-16-3").
 * Test methods receive arms as parameters and compare their {@link Metric}s. Pure data: the verdict
 * goes to the running claim's {@link ClaimVerdicts}, never through the arm.
 */
public final class Arm {
    /**
     * The result of one seed: the final metrics and the model(s) behind them (one, or the members
     * of an ensemble, whose metrics are those of the averaged prediction), the replication it belongs
     * to ({@code unit}: its teacher's seed in a claim about teachers, else the seed) and its teacher's
     * seed (null without a teacher).
     */
    public record SeedResult(long seed, EpochMetrics last, List<TrainedModel> models, long unit, Long teacherSeed) {
        /** A seed that is its own replication, without a teacher. */
        public SeedResult(long seed, EpochMetrics last, List<TrainedModel> models) {
            this(seed, last, models, seed, null);
        }
    }

    /** One teacher of the arm: its seed, what it is, and its own test error in percent (of the checkpoint taught from). */
    public record TeacherInfo(long seed, String label, double testError) {
    }

    private final String name;
    private final String recipe;
    private final List<SeedResult> seeds;
    private final boolean byTeacher;
    private final List<TeacherInfo> teachers;

    public Arm(String name, String recipe, List<SeedResult> seeds) {
        this(name, recipe, seeds, false, List.of());
    }

    /**
     * An arm of a claim; {@code byTeacher}: the claim replicates teachers, so its metrics are judged on
     * per-teacher means ({@link Metric#perUnit()}); {@code teachers}: the arm's teachers, in seed order.
     */
    public Arm(String name, String recipe, List<SeedResult> seeds, boolean byTeacher, List<TeacherInfo> teachers) {
        this.name = name;
        this.recipe = recipe;
        this.seeds = List.copyOf(seeds);
        this.byTeacher = byTeacher;
        this.teachers = List.copyOf(teachers);
    }

    public String name() {
        return name;
    }

    /** What was trained, e.g. "wrn-10-0.25 ESKD (KD until epoch 2) from wrn-10-0.75". */
    public String recipe() {
        return recipe;
    }

    /** Per-seed results, in seed order. */
    public List<SeedResult> seeds() {
        return seeds;
    }

    /** The arm's teachers (empty without one), each with its own test error. */
    public List<TeacherInfo> teachers() {
        return teachers;
    }

    /** Every trained model of the arm. */
    public List<TrainedModel> runs() {
        return seeds.stream().flatMap(s -> s.models().stream()).toList();
    }

    /** Final top-1 test error in percent per seed (the paper's unit). */
    public Metric testError() {
        return FinalMetric.TEST_ERROR.of(this);
    }

    /** Final test cross-entropy per seed. */
    public Metric testCrossEntropy() {
        return FinalMetric.TEST_CROSS_ENTROPY.of(this);
    }

    /** Final KD error on the test set in percent (top-1 disagreement with the teacher, PAPER.md C3) per seed. */
    public Metric testKdError() {
        return FinalMetric.TEST_KD_ERROR.of(this);
    }

    /** Any final-epoch metric per seed. */
    public Metric metric(String metricName, ToDoubleFunction<EpochMetrics> of) {
        return metric(metricName, seeds.stream().mapToDouble(r -> of.applyAsDouble(r.last())).toArray());
    }

    /**
     * Top-1 test error in percent per seed at every epoch the arm's students were evaluated on the test
     * set along training, as a curve over epochs: points labelled "epoch 10", x = the epochs trained,
     * the last point the end of training. In a claim about teachers it is judged on per-teacher means,
     * as every metric ({@link Metric#perUnit()}). Only a claim annotated {@code @LearningCurve} evaluates
     * its students along the way; without it this fails, naming the fix. E.g.
     * {@code assertThat(fullKd.testErrorByEpoch()).crossesAbove(scratch.testErrorByEpoch())}.
     *
     * @throws IllegalStateException when the arm's models have no learning curve, or it is an ensemble
     */
    public CurveMetric testErrorByEpoch() {
        return EpochCurve.testError(this);
    }

    /** {@code values[i]}, measured with seed i of this arm, as a metric of this arm. */
    Metric metric(String metricName, double[] v) {
        long[] s = seeds.stream().mapToLong(SeedResult::seed).toArray();
        long[] units = seeds.stream().mapToLong(SeedResult::unit).toArray();
        long[] teacherSeeds = seeds.stream().allMatch(r -> r.teacherSeed() != null)
                ? seeds.stream().mapToLong(SeedResult::teacherSeed).toArray() : new long[0];
        return new Metric(name, metricName, s, v, units, byTeacher, teacherSeeds, teachers);
    }
}
