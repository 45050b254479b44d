package org.kdclaims.training;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kdclaims.models.Architecture;
import org.kdclaims.models.Architectures;
import org.kdclaims.models.GraphBuilder;
import org.kdclaims.models.SameDiffGraphBuilder;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine the project used before the native one, for before/after comparisons in one harness:
 * the architecture as a SameDiff graph (batch norm from basic ops on batch statistics),
 * {@code sd.fit(MultiDataSet)} with a listener that copies out the batch statistics, logits and loss
 * (as the old Network did for running statistics and metrics), and the {@code System.gc()} per step
 * that SameDiff needs to keep native memory flat (shared/PERF.md).
 */
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class SameDiffStepBenchmark extends EngineBenchmark {
    @Param({"wrn-16-1"})
    public String arch;

    @Param({"128"})
    public int batch;

    private SameDiff sd;
    private MultiDataSet mds;
    private Capture capture;

    @Setup(Level.Trial)
    public void setUp() {
        NativeBackend.init();
        Architecture a = Architectures.parse(arch);
        sd = SameDiff.create();
        SameDiffGraphBuilder g = new SameDiffGraphBuilder(sd, 1, SameDiffGraphBuilder.Mode.TRAIN);
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, BenchData.CHANNELS, BenchData.SIZE, BenchData.SIZE);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, BenchData.CLASSES);
        SDVariable logits = a.build(g, input, BenchData.CHANNELS, BenchData.CLASSES).rename("trainLogits");
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logSm = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        label.mul(logSm).sum(1).mean().neg().rename("loss");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Nesterovs(BenchData.schedule(), 0.9)).l2(5e-4)
                .dataSetFeatureMapping("input").dataSetLabelMapping("label").build());
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
        BenchData d = new BenchData(batch, 7);
        float[] oneHot = new float[batch * BenchData.CLASSES];
        for (int i = 0; i < batch; i++) {
            oneHot[i * BenchData.CLASSES + d.labels[i]] = 1;
        }
        mds = new MultiDataSet(
                new INDArray[] {Nd4j.create(d.features, new long[] {batch, BenchData.CHANNELS, BenchData.SIZE, BenchData.SIZE}, 'c')},
                new INDArray[] {Nd4j.create(oneHot, new long[] {batch, BenchData.CLASSES}, 'c')});
        List<String> names = new ArrayList<>();
        for (GraphBuilder.BatchNormLayer bn : g.batchNorms()) {
            names.add(SameDiffGraphBuilder.batchMeanVar(bn));
            names.add(SameDiffGraphBuilder.batchVarVar(bn));
        }
        names.add("trainLogits");
        names.add("loss");
        capture = new Capture(names.toArray(new String[0]));
        System.out.println("# engine: SameDiff fit (" + NativeBackend.describe() + "), " + g.parameterCount() + " parameters");
    }

    @Benchmark
    public int trainStep() {
        capture.values.clear();
        sd.fit(mds, capture);
        System.gc();
        return capture.values.size();
    }

    /** Copies out the named activations during fit, as the old Network's listener did. */
    private static final class Capture extends BaseListener {
        final Map<String, INDArray> values = new HashMap<>();
        private final String[] names;

        Capture(String[] names) {
            this.names = names;
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.builder().trainingVariables(names).build();
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch,
                SameDiffOp op, String varName, INDArray activation) {
            for (String n : names) {
                if (n.equals(varName)) {
                    values.put(varName, activation.dup());
                    return;
                }
            }
        }
    }
}
