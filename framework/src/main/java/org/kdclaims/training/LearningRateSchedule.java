package org.kdclaims.training;

import java.util.Arrays;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning rate by epoch: step decays at fractions of training (the paper's 60/120/160 of 200 are
 * 0.3/0.6/0.8) or cosine. Expressed in fractions so that one schedule keeps its shape at every
 * scale; SameDiff asks by iteration, which is mapped to an epoch with the known steps per epoch.
 */
public final class LearningRateSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    public enum Kind { STEP, COSINE }

    private final Kind kind;
    private final double base;
    private final double[] milestoneFractions;
    private final double gamma;
    private final int epochs;
    private int stepsPerEpoch = 1;

    private LearningRateSchedule(Kind kind, double base, double[] milestoneFractions, double gamma, int epochs) {
        this.kind = kind;
        this.base = base;
        this.milestoneFractions = milestoneFractions.clone();
        this.gamma = gamma;
        this.epochs = epochs;
    }

    public static LearningRateSchedule step(double base, double gamma, int epochs, double... milestoneFractions) {
        return new LearningRateSchedule(Kind.STEP, base, milestoneFractions, gamma, epochs);
    }

    public static LearningRateSchedule cosine(double base, int epochs) {
        return new LearningRateSchedule(Kind.COSINE, base, new double[0], 1, epochs);
    }

    LearningRateSchedule withStepsPerEpoch(int steps) {
        LearningRateSchedule s = new LearningRateSchedule(kind, base, milestoneFractions, gamma, epochs);
        s.stepsPerEpoch = Math.max(1, steps);
        return s;
    }

    /** The epochs at which a step decay happens, e.g. [60, 120, 160] for 200 epochs. */
    public int[] milestones() {
        return Arrays.stream(milestoneFractions).mapToInt(f -> (int) Math.round(f * epochs)).toArray();
    }

    public double at(int epoch) {
        if (kind == Kind.COSINE) {
            return 0.5 * base * (1 + Math.cos(Math.PI * epoch / epochs));
        }
        double lr = base;
        for (int m : milestones()) {
            if (epoch >= m) {
                lr *= gamma;
            }
        }
        return lr;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return at(iteration / stepsPerEpoch);
    }

    @Override
    public ISchedule clone() {
        return withStepsPerEpoch(stepsPerEpoch);
    }

    public String describe() {
        return kind == Kind.COSINE ? "cosine from " + base
                : "lr " + base + " x" + gamma + " at epochs " + Arrays.toString(milestones());
    }
}
