package org.kdclaims.training;

import org.kdclaims.models.Architectures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluation-mode logits (what a teacher computes for every training batch): img/s = batch / (ms/op)
 * * 1000. Batch-norm running statistics are first calibrated on the batch, as a trained teacher's are.
 */
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class InferenceBenchmark extends EngineBenchmark {
    @Param({"wrn-16-1", "wrn-16-4"})
    public String arch;

    @Param({"128"})
    public int batch;

    private Network net;
    private BenchData data;

    @Setup(Level.Trial)
    public void setUp() {
        net = Network.create(Architectures.parse(arch), BenchData.SHAPE, 1, null);
        data = new BenchData(batch, 7);
        // a teacher has trained running statistics: calibrate them on the batch, as pytorch_wrn.py does
        for (int i = 0; i < 20; i++) {
            net.graph().forward(data.features, data.n, true);
            net.graph().discard();
            net.graph().updateRunningStatistics(0.1);
        }
    }

    @Benchmark
    public float[] teacherLogits() {
        return net.logits(data.features, data.n);
    }
}
