package org.kdclaims.training;

import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Several training runs at once, as the suite's local executor runs them: each JMH thread is one
 * run (its own network, 16x16 images as at ci scale) with {@code threadsPerRun} compute threads.
 * Run with {@code -t W}: W runs x threadsPerRun threads. The machine's training throughput is
 * W x batch / (ms/op) x 1000 img/s; compare {@code -t 1 -p threadsPerRun=2} with
 * {@code -t 2 -p threadsPerRun=1} on a 2-core machine to choose the executor's default.
 */
@State(Scope.Thread)
public class ParallelRunsBenchmark extends EngineBenchmark {
    @Param({"wrn-10-1", "wrn-10-3", "wrn-10-8"})
    public String arch;

    @Param({"1"})
    public int threadsPerRun;

    @Param({"16"})
    public int size;

    private Network net;
    private BenchData data;

    @Setup(Level.Trial)
    public void setUp() {
        // thread-scoped state is set up on the benchmark thread itself: OpenMP's count is per thread
        NativeBackend.configureThreads(threadsPerRun);
        net = Network.create(Architectures.parse(arch), new ImageShape(BenchData.CHANNELS, size, size, BenchData.CLASSES), 1, null);
        net.configure(BenchData.schedule(), 0.9, 5e-4);
        data = new BenchData(128, 7, size);
    }

    @Benchmark
    public double trainStep() {
        return net.step(data.features, data.n, data.labels, data.teacherLogits, data.logits);
    }
}
