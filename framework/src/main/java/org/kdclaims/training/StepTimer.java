package org.kdclaims.training;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.kdclaims.models.Architecture;

/**
 * Times a few training and inference steps of an architecture on random inputs of the run's shape,
 * on the calling thread (with its thread count): the calibration behind the suite plan's time
 * estimates. The first step builds the graph and costs 2-3 steady steps, so it is not timed. The
 * next few are still slower than steady state, and a mean over two of them calibrated WRN-10-4 at
 * 172–208 img/s in three tries, where it then trained at about 400. So each step is timed alone and
 * the median of five gives the speed (507 and 530 img/s in two tries), which one or two slow steps
 * (those, or a garbage collection) cannot move.
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
        long[] nanos = new long[timedSteps];
        for (int i = 0; i < timedSteps; i++) {
            long t0 = System.nanoTime();
            net.step(x, batch, labels, null, logits);
            nanos[i] = System.nanoTime() - t0;
        }
        double train = imagesPerSecond(nanos, batch);
        net.logits(x, batch);
        for (int i = 0; i < timedSteps; i++) {
            long t0 = System.nanoTime();
            net.logits(x, batch);
            nanos[i] = System.nanoTime() - t0;
        }
        return new Speed(train, imagesPerSecond(nanos, batch));
    }

    /** Images per second of the median step (the upper median for an even count: the slower of the two). */
    static double imagesPerSecond(long[] stepNanos, int batch) {
        if (stepNanos.length == 0) {
            throw new IllegalArgumentException("no timed steps");
        }
        long[] sorted = stepNanos.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        return batch / (Math.max(1, median) / 1e9);
    }
}
