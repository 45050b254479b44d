package org.kdclaims.training;

import java.util.SplittableRandom;

import org.kdclaims.models.Architecture;

/**
 * Times a few training and inference steps of an architecture on random inputs of the run's shape,
 * on the calling thread (with its thread count): the calibration behind the suite plan's time
 * estimates. The first step builds the graph and costs 2-3 steady steps, so it is not timed.
 */
public final class StepTimer {
    /** Images per second, steady state. */
    public record Speed(double trainImagesPerSecond, double inferImagesPerSecond) {
    }

    private StepTimer() {
    }

    public static Speed measure(Architecture arch, int channels, int height, int width, int classes, int batch,
            int timedSteps) {
        Network net = Network.create(arch, channels, height, width, classes, 1, null);
        net.configure(LearningRateSchedule.step(0.01, 1, 1), 0.9, 0);
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[batch * channels * height * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(classes);
        }
        float[] logits = new float[batch * classes];
        net.step(x, batch, labels, null, logits);
        long t0 = System.nanoTime();
        for (int i = 0; i < timedSteps; i++) {
            net.step(x, batch, labels, null, logits);
        }
        double train = timedSteps * batch / ((System.nanoTime() - t0) / 1e9);
        net.logits(x, batch);
        t0 = System.nanoTime();
        for (int i = 0; i < timedSteps; i++) {
            net.logits(x, batch);
        }
        double infer = timedSteps * batch / ((System.nanoTime() - t0) / 1e9);
        return new Speed(train, infer);
    }
}
