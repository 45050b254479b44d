package org.kdclaims.api;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.kdclaims.extension.ClaimRecorder;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.TrainedModel;

/**
 * One arm of a claim: the same recipe trained once per seed (e.g. "ESKD students of WRN-16-3").
 * Test methods receive arms as parameters and compare their {@link Metric}s.
 */
public final class Arm {
    private final String name;
    private final String recipe;
    private final List<TrainedModel> runs;
    private final ClaimRecorder recorder;

    public Arm(String name, String recipe, List<TrainedModel> runs, ClaimRecorder recorder) {
        this.name = name;
        this.recipe = recipe;
        this.runs = List.copyOf(runs);
        this.recorder = recorder;
    }

    public String name() {
        return name;
    }

    /** What was trained, e.g. "wrn-10-0.25 ESKD@1 of wrn-10-0.75". */
    public String recipe() {
        return recipe;
    }

    /** The trained models, one per seed, in seed order. */
    public List<TrainedModel> runs() {
        return runs;
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
        double[] v = runs.stream().mapToDouble(r -> of.applyAsDouble(r.last())).toArray();
        long[] seeds = runs.stream().mapToLong(r -> r.spec().seed()).toArray();
        return new Metric(this, metricName, seeds, v, recorder);
    }
}
