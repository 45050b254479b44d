package org.kdclaims.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.data.ImageShape;
import org.kdclaims.training.NativeBackend;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native engine's forward pass and hand-written gradients against SameDiff's automatic
 * differentiation of the same architecture (same parameters, basic-op batch norm on batch
 * statistics), on small networks that use every layer kind, and on each layer kind alone.
 */
class NativeGraphGradientTest {
    private static final int N = 36;
    private static final int C = 3;
    private static final int HW = 8;
    private static final int K = 5;

    @BeforeAll
    static void backend() {
        NativeBackend.init();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrn-10-0.5", "cnn-4", "resnet-10-0.125", "densenet-10-4", "resnet-26-0.125"})
    void gradientsMatchSameDiffAutodiff(String archName) {
        assertGradientsMatchSameDiff(Architectures.parse(archName));
    }

    /** Each layer kind's backward pass alone (with every code path of the convolution), same check. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layerKinds")
    void eachLayerKindsGradientsMatchSameDiffAutodiff(OneLayer.Kind kind) {
        assertGradientsMatchSameDiff(new OneLayer(kind));
    }

    static Stream<OneLayer.Kind> layerKinds() {
        return Stream.of(OneLayer.Kind.values());
    }

    /**
     * The smallest network around one layer kind: a 3x3 convolution on the images (its weight-only
     * backward path), the layer, global average pooling and a dense classifier.
     */
    record OneLayer(Kind kind) implements Architecture {
        enum Kind { CONV_3X3, CONV_3X3_STRIDE_2, CONV_1X1, CONV_1X1_STRIDE_2, BATCH_NORM, RELU, ADD, CONCAT, AVG_POOL }

        private static final int WIDTH = 4;

        @Override
        public String name() {
            return "one-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public int[] attentionDownsampling() {
            return new int[0];
        }

        @Override
        public Architecture scaled(double widthMultiplier, int maxDepth) {
            throw new IllegalArgumentException("a one-layer gradient probe has no cheaper scale");
        }

        @Override
        public <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes) {
            T x = g.conv("stem", input, inChannels, WIDTH, 3, 1);
            int c = WIDTH;
            T y = switch (kind) {
                case CONV_3X3 -> g.conv("layer", x, c, c + 2, 3, 1);
                case CONV_3X3_STRIDE_2 -> g.conv("layer", x, c, c + 2, 3, 2);
                case CONV_1X1 -> g.conv("layer", x, c, c + 2, 1, 1);
                case CONV_1X1_STRIDE_2 -> g.conv("layer", x, c, c + 2, 1, 2);
                case BATCH_NORM -> g.batchNorm("layer", x, c);
                case RELU -> g.relu(x);
                case ADD -> g.add(x, g.conv("branch", x, c, c, 3, 1));
                case CONCAT -> g.concat(x, g.conv("branch", x, c, 2, 3, 1));
                case AVG_POOL -> g.avgPool(x, 2);
            };
            int out = switch (kind) {
                case CONV_3X3, CONV_3X3_STRIDE_2, CONV_1X1, CONV_1X1_STRIDE_2, CONCAT -> c + 2;
                default -> c;
            };
            return g.dense("fc", g.globalAveragePool(y), out, classes);
        }
    }

    /**
     * Forward pass and every parameter's gradient of the training-mode cross-entropy, native engine
     * against SameDiff's autodiff of the same architecture and parameters.
     */
    private static void assertGradientsMatchSameDiff(Architecture arch) {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[N * C * HW * HW];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        int[] labels = new int[N];
        float[] oneHot = new float[N * K];
        for (int i = 0; i < N; i++) {
            labels[i] = r.nextInt(K);
            oneHot[i * K + labels[i]] = 1;
        }

        // SameDiff reference: CE loss of the training-mode graph, gradients by autodiff
        SameDiff sd = SameDiff.create();
        SameDiffGraphBuilder sg = new SameDiffGraphBuilder(sd, 11, SameDiffGraphBuilder.Mode.TRAIN);
        SDVariable in = sd.placeHolder("input", DataType.FLOAT, -1, C, HW, HW);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, K);
        SDVariable logits = arch.build(sg, in, C, K);
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logSm = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        label.mul(logSm).sum(1).mean().neg().rename("loss");
        sd.setLossVariables("loss");
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("input", Nd4j.create(x, new long[] {N, C, HW, HW}, 'c'));
        ph.put("label", Nd4j.create(oneHot, new long[] {N, K}, 'c'));
        List<String> names = sg.params().stream().map(GraphBuilder.Param::name).toList();
        Map<String, INDArray> refGrads;
        java.io.PrintStream stdout = System.out;
        try {   // SameDiff prints a line per op while it builds the gradient graph
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            refGrads = sd.calculateGradients(ph, names);
        } finally {
            System.setOut(stdout);
        }
        float[] refLogits = sd.output(ph, logits.name()).get(logits.name()).dup().data().asFloat();

        // native engine, same seed: same parameters
        try (NativeGraph g = NativeGraph.build(arch, new ImageShape(C, HW, HW, K), 11)) {
            assertThat(g.parameterCount()).isEqualTo(sg.parameterCount());
            float[] z = g.forward(x, N, true);
            assertThat(z).containsExactly(refLogits, org.assertj.core.data.Offset.offset(2e-4f));
            float[] gz = new float[N * K];
            org.kdclaims.training.Losses.lossAndGradient(z, N, K, labels, null, 1, 1, 0, gz);
            g.backward(gz);
            int nonZero = 0;
            for (String name : names) {
                INDArray ref = refGrads.get(name);
                INDArray got = g.grad(name);
                assertThat(ref).as("reference gradient of %s", name).isNotNull();
                double scale = Math.max(1e-3, ref.amaxNumber().doubleValue());
                double err = got.reshape(ref.shape()).sub(ref).amaxNumber().doubleValue() / scale;
                assertThat(err).as("%s: gradient max error relative to max |gradient| %s", name, scale).isLessThan(2e-3);
                nonZero += ref.amaxNumber().doubleValue() > 1e-6 ? 1 : 0;
            }
            assertThat(nonZero).as("parameters with a non-zero gradient").isGreaterThan(names.size() / 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrn-10-0.5", "resnet-26-0.125", "densenet-10-4"})
    void evaluationModeMatchesSameDiffOnRunningStatistics(String archName) {
        Architecture arch = Architectures.parse(archName);
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[N * C * HW * HW];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 4 - 1);
        }
        SameDiff sd = SameDiff.create();
        SameDiffGraphBuilder sg = new SameDiffGraphBuilder(sd, 4, SameDiffGraphBuilder.Mode.EVAL);
        SDVariable in = sd.placeHolder("input", DataType.FLOAT, -1, C, HW, HW);
        SDVariable logits = arch.build(sg, in, C, K);
        Map<String, float[]> stats = new java.util.LinkedHashMap<>();
        for (GraphBuilder.BatchNormLayer bn : sg.batchNorms()) {
            float[] mean = new float[bn.channels()];
            float[] var = new float[bn.channels()];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (r.nextDouble() - 0.5);
                var[i] = (float) (0.5 + r.nextDouble());
            }
            stats.put(bn.runMeanVar(), mean);
            stats.put(bn.runVarVar(), var);
            sd.getVariable(bn.runMeanVar()).getArr().assign(Nd4j.create(mean, new long[] {1, mean.length, 1, 1}, 'c'));
            sd.getVariable(bn.runVarVar()).getArr().assign(Nd4j.create(var, new long[] {1, var.length, 1, 1}, 'c'));
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("input", Nd4j.create(x, new long[] {N, C, HW, HW}, 'c'));
        float[] ref = sd.output(ph, logits.name()).get(logits.name()).dup().data().asFloat();
        try (NativeGraph g = NativeGraph.build(arch, new ImageShape(C, HW, HW, K), 4)) {
            assertThat(g.restore(stats)).isEmpty();
            assertThat(g.forward(x, N, false)).containsExactly(ref, org.assertj.core.data.Offset.offset(2e-4f));
            // and a second call on the pooled arrays gives the same logits
            assertThat(g.forward(x, N, false)).containsExactly(ref, org.assertj.core.data.Offset.offset(2e-4f));
        }
    }
}
