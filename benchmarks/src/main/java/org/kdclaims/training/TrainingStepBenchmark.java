package org.kdclaims.training;

import org.kdclaims.models.Architectures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One SGD step of {@link Network} (forward, loss, backward, Nesterov update, running statistics) on
 * a batch of {@code size} x {@code size} x 3 images (32: CIFAR-10; 16: the ci and nightly scales), on
 * {@code threads} threads (0: the machine's default; the suite trains each run on {@code kd.threads}):
 * img/s = batch / (ms/op) * 1000. {@code distill} adds the KD term with teacher logits. {@code gc} adds the {@code System.gc()} that Trainer calls after every step.
 */
public class TrainingStepBenchmark extends EngineBenchmark {
    @Param({"wrn-16-1", "wrn-16-4"})
    public String arch;

    @Param({"128"})
    public int batch;

    @Param({"32"})
    public int size;

    @Param({"0"})
    public int threads;

    @Param({"false"})
    public boolean distill;

    @Param({"false"})
    public boolean gc;

    private Network net;
    private BenchData data;

    @Setup(Level.Trial)
    public void setUp() {
        if (threads > 0) {
            NativeBackend.configureThreads(threads);
        }
        net = Network.create(Architectures.parse(arch), BenchData.shape(size), 1, distill ? Distillation.standard() : null);
        net.configure(BenchData.schedule(), 0.9, 5e-4);
        data = new BenchData(batch, 7, size);
        System.out.println("# engine: native (" + NativeBackend.describe() + "), " + net.parameterCount() + " parameters");
    }

    @Benchmark
    public double trainStep() {
        double loss = net.step(data.features, data.n, data.labels, data.teacherLogits, data.logits);
        if (gc) {
            System.gc();
        }
        return loss;
    }
}
