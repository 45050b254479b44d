package org.kdclaims.training;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architecture;

/**
 * Times training and inference steps of an architecture on random inputs of the run's shape, on
 * the calling thread (with its thread count): the calibration behind the suite plan's time
 * estimates. The first steps build the graph and are slower than steady state: a mean over two
 * steps right after one warm-up step calibrated WRN-10-4 at 172–208 img/s in three tries, where
 * it then trained at about 400. So the timer warms up for half a second, times single steps for a
 * second (at least a given number of them), and takes the median step, which a few slow steps (a
 * garbage collection, a JIT compilation) cannot move.
 */
public final class StepTimer {
    /** Images per second, steady state. */
    public record Speed(double trainImagesPerSecond, double inferImagesPerSecond) {
    }

    private static final long WARM_UP_NANOS = 500_000_000L;
    private static final long TIMED_NANOS = 1_000_000_000L;
    private static final int MAX_STEPS = 500;

    private StepTimer() {
    }

    public static Speed measure(Architecture arch, ImageShape shape, int batch, int timedSteps) {
        int classes = shape.classes();
        Network net = Network.create(arch, shape, 1, null);
        net.configure(LearningRateSchedule.step(0.01, 1, 1), 0.9, 0);
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[batch * shape.imageSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(classes);
        }
        float[] logits = new float[batch * classes];
        double train = time(() -> net.step(x, batch, labels, null, logits), batch, timedSteps);
        double infer = time(() -> net.logits(x, batch), batch, timedSteps);
        return new Speed(train, infer);
    }

    /**
     * Steps until {@link #WARM_UP_NANOS} have passed (at least one step), then times single steps
     * until {@link #TIMED_NANOS} have passed and at least {@code minSteps} were timed (at most
     * {@link #MAX_STEPS}), and gives the median step's speed. A fixed few steps of a small model take
     * a tenth of a second, short enough for the JIT compiler's threads to distort them.
     */
    private static double time(Runnable step, int batch, int minSteps) {
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        do {
            step.run();
        } while (System.nanoTime() < warmUpEnd);
        long[] nanos = new long[MAX_STEPS];
        int n = 0;
        long timedEnd = System.nanoTime() + TIMED_NANOS;
        while (n < MAX_STEPS && (n < minSteps || System.nanoTime() < timedEnd)) {
            long t0 = System.nanoTime();
            step.run();
            nanos[n++] = System.nanoTime() - t0;
        }
        return imagesPerSecond(Arrays.copyOf(nanos, n), batch);
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
