package org.kdclaims.training;

import java.util.Locale;

import org.kdclaims.models.Architecture;

/**
 * Everything that determines one trained model apart from its data and teacher: architecture,
 * schedule, optimiser, seed and the distillation recipe. {@link #describe()} is stable and goes
 * into the model store's key, so any change to a field trains a new model.
 *
 * @param kdUntilEpoch ESKD: the KD term is used for epochs {@code < kdUntilEpoch}, cross-entropy
 *     only afterwards; {@code epochs} means full KD. Ignored without distillation.
 * @param evalEvery test-set evaluations every this many epochs, and after the last. Evaluation does not
 *     change training, so it is not part of the key unless {@code learningCurve}.
 * @param learningCurve the evaluations along the way are a result a claim reads (its
 *     {@code @LearningCurve}), so {@code evalEvery} is part of the key ({@link #describe()}): a model
 *     evaluated on a coarser schedule is never served for it. Off, the key is what it always was.
 */
public record TrainingSpec(
        Architecture architecture,
        int epochs,
        int batchSize,
        double learningRate,
        double lrDecay,
        double[] lrMilestones,
        double momentum,
        double weightDecay,
        long seed,
        Distillation distillation,
        int kdUntilEpoch,
        int evalEvery,
        boolean learningCurve) {

    public TrainingSpec {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (distillation != null && (kdUntilEpoch < 0 || kdUntilEpoch > epochs)) {
            throw new IllegalArgumentException("KD stop epoch " + kdUntilEpoch + " is outside 0.." + epochs);
        }
        if (learningCurve && evalEvery < 1) {
            throw new IllegalArgumentException("a learning curve evaluates every >= 1 epochs, got " + evalEvery);
        }
        lrMilestones = lrMilestones.clone();
    }

    /** The paper's CIFAR protocol shape: SGD-Nesterov 0.9, wd 5e-4, lr 0.1 x0.2 at 30/60/80 %. */
    public static TrainingSpec paperDefaults(Architecture arch, int epochs, long seed) {
        return new TrainingSpec(arch, epochs, 128, 0.1, 0.2, new double[] {0.3, 0.6, 0.8}, 0.9, 5e-4, seed,
                null, epochs, 1, false);
    }

    public TrainingSpec withSeed(long s) {
        return new TrainingSpec(architecture, epochs, batchSize, learningRate, lrDecay, lrMilestones, momentum,
                weightDecay, s, distillation, kdUntilEpoch, evalEvery, learningCurve);
    }

    public TrainingSpec withBatchSize(int batch) {
        return new TrainingSpec(architecture, epochs, batch, learningRate, lrDecay, lrMilestones, momentum,
                weightDecay, seed, distillation, kdUntilEpoch, evalEvery, learningCurve);
    }

    public TrainingSpec withEvalEvery(int every) {
        return new TrainingSpec(architecture, epochs, batchSize, learningRate, lrDecay, lrMilestones, momentum,
                weightDecay, seed, distillation, kdUntilEpoch, every, learningCurve);
    }

    /**
     * The spec of a model whose learning curve a claim reads: evaluated at {@code points} evenly
     * spaced epochs ({@link #curveEvery}) and after the last, with that schedule in its key.
     */
    public TrainingSpec withLearningCurve(int points) {
        return new TrainingSpec(architecture, epochs, batchSize, learningRate, lrDecay, lrMilestones, momentum,
                weightDecay, seed, distillation, kdUntilEpoch, curveEvery(epochs, points), true);
    }

    /** Every {@code epochs / points} epochs, at least every epoch: {@code points} evaluations, fewer for short runs. */
    public static int curveEvery(int epochs, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a learning curve needs at least 1 point, got " + points);
        }
        return Math.max(1, epochs / points);
    }

    public TrainingSpec withDistillation(Distillation d, int untilEpoch) {
        return new TrainingSpec(architecture, epochs, batchSize, learningRate, lrDecay, lrMilestones, momentum,
                weightDecay, seed, d, untilEpoch, evalEvery, learningCurve);
    }

    public LearningRateSchedule schedule() {
        return LearningRateSchedule.step(learningRate, lrDecay, epochs, lrMilestones);
    }

    public boolean earlyStoppedKd() {
        return distillation != null && kdUntilEpoch < epochs;
    }

    /** A stable, human-readable description of every field: the basis of the cache key. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(architecture.name()).append(" epochs=").append(epochs).append(" batch=").append(batchSize)
                .append(" sgd-nesterov(m=").append(momentum).append(", wd=").append(weightDecay).append(") ")
                .append(schedule().describe()).append(" seed=").append(seed);
        if (distillation != null) {
            s.append(" kd[").append(distillation.describe()).append(", until epoch ").append(kdUntilEpoch).append(']');
        }
        if (learningCurve) {
            // only here: every key without a learning curve stays byte for byte what it was
            s.append(" learning-curve[test every ").append(evalEvery).append(" epochs and after the last]");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Short label for logs, e.g. "wrn-16-1 ESKD@5 seed 2"; "... with curve" when its learning curve is
     * part of its key, so that the plan's two runs of one seed (with and without) read apart.
     */
    public String label() {
        String recipe = distillation == null ? "" : earlyStoppedKd() ? " ESKD@" + kdUntilEpoch : " KD";
        return String.format(Locale.ROOT, "%s%s seed %d%s", architecture.name(), recipe, seed,
                learningCurve ? " with curve" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSpec t && t.describe().equals(describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }
}
