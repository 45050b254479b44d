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
     * of an ensemble, whose metrics are those of the averaged prediction).
     */
    public record SeedResult(long seed, EpochMetrics last, List<TrainedModel> models) {
    }

    private final String name;
    private final String recipe;
    private final List<SeedResult> seeds;

    public Arm(String name, String recipe, List<SeedResult> seeds) {
        this.name = name;
        this.recipe = recipe;
        this.seeds = List.copyOf(seeds);
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

    /** Every trained model of the arm. */
    public List<TrainedModel> runs() {
        return seeds.stream().flatMap(s -> s.models().stream()).toList();
    }

    /** Final top-1 test error in percent per seed (the paper's unit). */
    public Metric testError() {
        return metric("test error (%)", m -> 100 * m.testError());
    }

    /** Final test cross-entropy per seed. */
    public Metric testCrossEntropy() {
        return metric("test cross-entropy", EpochMetrics::testCrossEntropy);
    }

    /** Final KD error on the test set in percent (top-1 disagreement with the teacher, PAPER.md C3) per seed. */
    public Metric testKdError() {
        return metric("test KD error (%)", m -> 100 * m.testKdError());
    }

    /** Any final-epoch metric per seed. */
    public Metric metric(String metricName, ToDoubleFunction<EpochMetrics> of) {
        double[] v = seeds.stream().mapToDouble(r -> of.applyAsDouble(r.last())).toArray();
        long[] s = seeds.stream().mapToLong(SeedResult::seed).toArray();
        return new Metric(name, metricName, s, v);
    }
}
