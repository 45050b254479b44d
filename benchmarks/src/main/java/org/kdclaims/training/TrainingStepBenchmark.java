package org.kdclaims.training;

import org.kdclaims.models.Architectures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One SGD step of {@link Network} (forward, loss, backward, Nesterov update, running statistics) on
 * a batch of 32x32x3 images: img/s = batch / (ms/op) * 1000. {@code distill} adds the KD term with
 * teacher logits. {@code gc} adds the {@code System.gc()} that Trainer calls after every step.
 */
public class TrainingStepBenchmark extends EngineBenchmark {
    @Param({"wrn-16-1", "wrn-16-4"})
    public String arch;

    @Param({"128"})
    public int batch;

    @Param({"false"})
    public boolean distill;

    @Param({"false"})
    public boolean gc;

    private Network net;
    private BenchData data;

    @Setup(Level.Trial)
    public void setUp() {
        net = Network.create(Architectures.parse(arch), BenchData.SHAPE, 1, distill ? Distillation.standard() : null);
        net.configure(BenchData.schedule(), 0.9, 5e-4);
        data = new BenchData(batch, 7);
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
