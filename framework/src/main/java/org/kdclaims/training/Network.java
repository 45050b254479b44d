package org.kdclaims.training;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architecture;
import org.kdclaims.models.Architectures;
import org.kdclaims.models.GraphBuilder;
import org.kdclaims.models.NativeGraph;
import java.util.Arrays;

/**
 * One network and its training state: a training path whose loss is
 * {@code ceWeight * CE + kdWeight * L_KD} (the KD term only when built for distillation), with
 * {@code L_KD = -tau^2 * sum_k softmax(t/tau)_k log softmax(s/tau)_k} averaged over the batch, and an
 * evaluation path with batch norm on running statistics.
 *
 * <p>The layers run in {@link NativeGraph} (hand-written backward passes on libnd4j/oneDNN kernels,
 * pooled arrays: no garbage collection needed between steps). The loss and its gradient with
 * respect to the logits are computed in double precision ({@link Losses}). Running statistics are
 * exponential moving averages of the batch statistics (momentum 0.1, biased variance). The update is SGD with
 * Nesterov momentum and coupled weight decay as PyTorch computes it ({@link SgdNesterov}).
 */
public final class Network {
    private static final double BN_MOMENTUM = 0.1;
    /** Suffix naming a parameter's momentum buffer in {@link #optimizerState()}. */
    private static final String MOMENTUM = "momentum";

    private final Architecture architecture;
    private final NativeGraph graph;
    private final ImageShape shape;
    private final Distillation distillation;
    private double ceWeight;
    private double kdWeight;
    private SgdNesterov optimizer;

    private Network(Architecture architecture, NativeGraph graph, ImageShape shape, Distillation distillation) {
        this.architecture = architecture;
        this.graph = graph;
        this.shape = shape;
        this.distillation = distillation;
        this.ceWeight = distillation == null ? 1 : distillation.crossEntropyWeight();
        this.kdWeight = distillation == null ? 0 : distillation.kdWeight();
    }

    /** Builds the network; {@code distillation} null means plain cross-entropy training. */
    public static Network create(Architecture arch, ImageShape shape, long seed, Distillation distillation) {
        NativeBackend.init();
        NativeGraph graph = NativeGraph.build(arch, shape, seed);
        return new Network(arch, graph, shape, distillation);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The images and classes it was built for. */
    public ImageShape shape() {
        return shape;
    }

    public long parameterCount() {
        return graph.parameterCount();
    }

    public boolean distils() {
        return distillation != null;
    }

    /** The layers, for tests and benchmarks. */
    NativeGraph graph() {
        return graph;
    }

    /** Sets the updater: SGD with Nesterov momentum and L2 weight decay (coupled, as PyTorch's SGD). */
    void configure(LearningRateSchedule schedule, double momentum, double weightDecay) {
        if (optimizer != null) {
            optimizer.close();
        }
        optimizer = new SgdNesterov(schedule, momentum, weightDecay, graph.parameters().length());
    }

    /** Switches the KD term's weight at run time (ESKD sets it to 0 and CE's to 1 after epoch E). */
    void lossWeights(double ceWeight, double kdWeight) {
        if (!distils()) {
            throw new IllegalStateException("network was not built for distillation");
        }
        this.ceWeight = ceWeight;
        this.kdWeight = kdWeight;
    }

    /**
     * One SGD step. Returns the batch loss and fills {@code trainLogits} (N x K) with the
     * training-mode logits of the step, for the train-error metric.
     */
    double step(float[] features, int n, int[] labels, float[] teacherLogits, float[] trainLogits) {
        return step(features, n, labels, teacherLogits, null, trainLogits);
    }

    /**
     * One SGD step with attention transfer when the recipe has it and the KD term is on:
     * {@code teacherMaps[i]} are the teacher's normalised attention maps (N x H*W) at point i.
     */
    synchronized double step(float[] features, int n, int[] labels, float[] teacherLogits, float[][] teacherMaps,
            float[] trainLogits) {
        if (optimizer == null) {
            throw new IllegalStateException("configure the network before training it");
        }
        boolean attention = attentionOn();
        if (attention && (teacherMaps == null || teacherMaps.length != graph.attentionPoints())) {
            throw new IllegalArgumentException("attention transfer needs the teacher's maps at "
                    + graph.attentionPoints() + " points");
        }
        float[] logits;
        double loss;
        try {
            float[][] activations = attention ? new float[graph.attentionPoints()][] : null;
            logits = graph.forward(features, n, true, activations);
            float[] grad = new float[n * shape.classes()];
            loss = Losses.lossAndGradient(logits, n, shape.classes(), labels, distils() ? teacherLogits : null,
                    distils() ? distillation.tau() : 1, ceWeight, distils() ? kdWeight : 0, grad);
            float[][] attentionGrads = null;
            if (attention) {
                attentionGrads = new float[activations.length][];
                for (int i = 0; i < activations.length; i++) {
                    int[] s = graph.attentionShape(i);
                    attentionGrads[i] = new float[activations[i].length];
                    loss += AttentionTransferLoss.lossAndGradient(activations[i], n, s[0] * s[1], s[2], teacherMaps[i],
                            distillation.attentionBeta(), attentionGrads[i]);
                }
            }
            graph.backward(grad, attentionGrads);
        } catch (RuntimeException e) {
            graph.discard();   // leave the graph usable (e.g. for evaluation) after a failed step
            throw e;
        }
        optimizer.step(graph.parameters(), graph.gradients());
        graph.updateRunningStatistics(BN_MOMENTUM);
        if (trainLogits != null) {
            System.arraycopy(logits, 0, trainLogits, 0, n * shape.classes());
        }
        return loss;
    }

    /** Whether the next step adds the attention-transfer term (recipe has it and KD is on). */
    boolean attentionOn() {
        return distils() && distillation.attentionTransfer() && kdWeight != 0;
    }

    /** Number of attention points (group outputs) of the architecture. */
    public int attentionPoints() {
        return graph.attentionPoints();
    }

    /**
     * Checks that a teacher's attention points match this network's (count and spatial size), so that
     * attention transfer between them is defined; throws naming both architectures otherwise.
     */
    public void requireAttentionCompatible(Network teacher) {
        if (!Architectures.attentionCompatible(attentionSizes(teacher.graph), attentionSizes(graph))) {
            throw new IllegalArgumentException("attention transfer from " + teacher.architecture.name() + " to "
                    + architecture.name() + " is undefined: their attention points differ ("
                    + attentionShapes(teacher.graph) + " vs " + attentionShapes(graph)
                    + "); pair architectures with the same groups and resolutions (e.g. two WRNs)");
        }
    }

    /** Height and width of each attention point, in order. */
    private static int[] attentionSizes(NativeGraph g) {
        int[] sizes = new int[2 * g.attentionPoints()];
        for (int i = 0; i < g.attentionPoints(); i++) {
            int[] s = g.attentionShape(i);
            sizes[2 * i] = s[0];
            sizes[2 * i + 1] = s[1];
        }
        return sizes;
    }

    private static String attentionShapes(NativeGraph g) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < g.attentionPoints(); i++) {
            int[] s = g.attentionShape(i);
            b.append(i == 0 ? "" : ", ").append(s[0]).append('x').append(s[1]);
        }
        return b.append(']').toString();
    }

    /** The training-mode loss of a batch (batch statistics), without changing anything. */
    double debugLoss(float[] features, int n, int[] labels, float[] teacherLogits) {
        float[] logits = graph.forward(features, n, true);
        graph.discard();
        return Losses.lossAndGradient(logits, n, shape.classes(), labels, distils() ? teacherLogits : null,
                distils() ? distillation.tau() : 1, ceWeight, distils() ? kdWeight : 0, null);
    }

    /** Evaluation-mode logits (N x K) for a batch of normalised NCHW features. */
    // synchronized: the native graph runs one batch at a time, and a shared teacher serves parallel claims
    public synchronized float[] logits(float[] features, int n) {
        return graph.forward(features, n, false);
    }

    /**
     * Evaluation-mode logits, and in {@code maps[i]} the normalised attention map (N x H*W) at each
     * attention point: what a student mimics in attention transfer.
     */
    public synchronized float[] logits(float[] features, int n, float[][] maps) {
        float[][] activations = new float[graph.attentionPoints()][];
        float[] logits = graph.forward(features, n, false, activations);
        for (int i = 0; i < activations.length; i++) {
            int[] s = graph.attentionShape(i);
            maps[i] = AttentionTransferLoss.maps(activations[i], n, s[0] * s[1], s[2]);
        }
        return logits;
    }

    /** The number of values of attention point i's map per image (its height x width). */
    public int attentionMapSize(int i) {
        int[] s = graph.attentionShape(i);
        return s[0] * s[1];
    }

    /** The width of the features below the head, 0 if the network does not end in a dense head ({@link NativeGraph#headInputs}). */
    public int headInputs() {
        return graph.headInputs();
    }

    /**
     * Evaluation-mode features below the head (N x {@link #headInputs()}); with {@code maps} not
     * null, also the normalised attention maps as {@link #logits(float[], int, float[][])} gives them.
     */
    public synchronized float[] features(float[] features, int n, float[][] maps) {
        float[][] activations = maps == null ? null : new float[graph.attentionPoints()][];
        float[] f = graph.features(features, n, activations);
        if (maps != null) {
            for (int i = 0; i < activations.length; i++) {
                int[] s = graph.attentionShape(i);
                maps[i] = AttentionTransferLoss.maps(activations[i], n, s[0] * s[1], s[2]);
            }
        }
        return f;
    }

    /** Evaluation-mode logits from {@link #features}: bitwise {@link #logits(float[], int)} of the same batch. */
    public synchronized float[] head(float[] features, int n) {
        return graph.head(features, n);
    }

    /** Trainable parameters and running statistics, by name: what a checkpoint holds. */
    public Map<String, float[]> state() {
        return graph.state();
    }

    /** Restores {@link #state()}; names and sizes must match exactly. */
    public void restore(Map<String, float[]> state) {
        List<String> bad = graph.restore(state);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("checkpoint does not fit " + architecture.name()
                    + ": variable " + bad.get(0));
        }
    }

    /**
     * The optimizer's state (the momentum buffer per parameter, named {@code param#momentum}) and
     * the iteration count, which drives the learning-rate schedule: with them a
     * resumed run continues exactly where it stopped.
     */
    public Map<String, float[]> optimizerState() {
        Map<String, float[]> s = new LinkedHashMap<>();
        if (optimizer == null) {
            return s;
        }
        float[] v = optimizer.buffer().data().asFloat();
        int offset = 0;
        for (GraphBuilder.Param p : graph.params()) {
            int len = (int) p.length();
            s.put(p.name() + "#" + MOMENTUM, Arrays.copyOfRange(v, offset, offset + len));
            offset += len;
        }
        return s;
    }

    public int iterations() {
        return optimizer == null ? 0 : optimizer.iteration();
    }

    /** Restores {@link #optimizerState()} and the iteration count; call after {@link #configure}. */
    void restoreOptimizerState(Map<String, float[]> state, int iterations) {
        if (optimizer == null) {
            throw new IllegalStateException("configure the network before restoring its optimizer");
        }
        float[] v = new float[(int) optimizer.buffer().length()];
        Map<String, float[]> byName = new HashMap<>(state);
        int offset = 0;
        for (GraphBuilder.Param p : graph.params()) {
            float[] saved = byName.get(p.name() + "#" + MOMENTUM);
            int len = (int) p.length();
            if (saved == null || saved.length != len) {
                throw new IllegalArgumentException("optimizer state does not fit " + architecture.name() + ": " + p.name());
            }
            System.arraycopy(saved, 0, v, offset, len);
            offset += len;
        }
        optimizer.restore(v, iterations);
    }
}
