package org.kdclaims.training;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kdclaims.models.Architecture;
import org.kdclaims.models.GraphBuilder;
import org.kdclaims.models.GraphBuilder.BatchNormLayer;
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

/**
 * One network in a SameDiff graph: a training path whose loss is
 * {@code ceWeight * CE + kdWeight * L_KD} (the KD term only when built for distillation) and an
 * evaluation path with batch norm on running statistics. Running statistics are updated here, in
 * Java, from the batch statistics captured during each training step (momentum 0.1, unbiased
 * variance, as in PyTorch), because SameDiff M2.1 has no training-mode batch-norm layer.
 */
public final class Network {
    static final String INPUT = "input";
    static final String LABEL = "label";
    static final String TEACHER_LOGITS = "teacherLogits";
    static final String TRAIN_LOGITS = "trainLogits";
    static final String EVAL_LOGITS = "evalLogits";
    private static final double BN_MOMENTUM = 0.1;

    private final Architecture architecture;
    private final SameDiff sd;
    private final List<BatchNormLayer> batchNorms;
    private final int channels;
    private final int height;
    private final int width;
    private final int classes;
    private final long parameterCount;
    private final Distillation distillation;
    private final Capture capture;
    private boolean gradientsBuilt;

    private Network(Architecture architecture, SameDiff sd, List<BatchNormLayer> batchNorms, int channels,
            int height, int width, int classes, long parameterCount, Distillation distillation) {
        this.architecture = architecture;
        this.sd = sd;
        this.batchNorms = batchNorms;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.parameterCount = parameterCount;
        this.distillation = distillation;
        this.capture = new Capture();
    }

    /** Builds the graph; {@code distillation} null means plain cross-entropy training. */
    public static Network create(Architecture arch, int channels, int height, int width, int classes,
            long seed, Distillation distillation) {
        NativeBackend.init();
        SameDiff sd = SameDiff.create();
        GraphBuilder g = new GraphBuilder(sd, seed);
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, channels, height, width);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, classes);

        g.mode(GraphBuilder.Mode.TRAIN);
        SDVariable logits = arch.build(g, input, channels, classes).rename(TRAIN_LOGITS);
        g.mode(GraphBuilder.Mode.EVAL);
        arch.build(g, input, channels, classes).rename(EVAL_LOGITS);

        SDVariable ce = label.mul(logSoftmax(sd, logits)).sum(1).mean().neg();
        SDVariable loss;
        if (distillation == null) {
            loss = ce;
        } else {
            double tau = distillation.tau();
            SDVariable teacher = sd.placeHolder(TEACHER_LOGITS, DataType.FLOAT, -1, classes);
            SDVariable pt = sd.math().exp(logSoftmax(sd, teacher.div(tau)));
            SDVariable kd = pt.mul(logSoftmax(sd, logits.div(tau))).sum(1).mean().neg().mul(tau * tau);
            SDVariable ceW = sd.constant("ceWeight", Nd4j.scalar(DataType.FLOAT, distillation.crossEntropyWeight()));
            SDVariable kdW = sd.constant("kdWeight", Nd4j.scalar(DataType.FLOAT, distillation.kdWeight()));
            loss = ce.mul(ceW).add(kd.mul(kdW));
        }
        loss.rename("loss");
        sd.setLossVariables("loss");
        return new Network(arch, sd, List.copyOf(g.batchNorms()), channels, height, width, classes,
                g.parameterCount(), distillation);
    }

    /**
     * Row-wise log-softmax from basic ops: SameDiff M2.1's LogSoftMax op with an explicit axis
     * cannot be cloned when the gradient graph is built ("Error setting property").
     */
    private static SDVariable logSoftmax(SameDiff sd, SDVariable x) {
        SDVariable shifted = x.sub(x.max(true, 1));
        return shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
    }

    public Architecture architecture() {
        return architecture;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public long parameterCount() {
        return parameterCount;
    }

    public int classes() {
        return classes;
    }

    public boolean distils() {
        return distillation != null;
    }

    /** Sets the updater: SGD with Nesterov momentum and L2 weight decay (coupled, as PyTorch's SGD). */
    void configure(LearningRateSchedule schedule, double momentum, double weightDecay) {
        List<String> features = new ArrayList<>(List.of(INPUT));
        if (distils()) {
            features.add(TEACHER_LOGITS);
        }
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Nesterovs(schedule, momentum))
                .l2(weightDecay)
                .dataSetFeatureMapping(features)
                .dataSetLabelMapping(LABEL)
                .build());
    }

    /** Switches the KD term's weight at run time (ESKD sets it to 0 and CE's to 1 after epoch E). */
    void lossWeights(double ceWeight, double kdWeight) {
        if (!distils()) {
            throw new IllegalStateException("network was not built for distillation");
        }
        sd.getVariable("ceWeight").getArr().assign(ceWeight);
        sd.getVariable("kdWeight").getArr().assign(kdWeight);
    }

    /**
     * One SGD step. Returns the batch loss and fills {@code trainLogits} (N x K) with the
     * training-mode logits of the step, for the train-error metric.
     */
    double step(float[] features, int n, int[] labels, float[] teacherLogits, float[] trainLogits) {
        buildGradientsQuietly();
        INDArray x = Nd4j.create(features, new long[] {n, channels, height, width}, 'c');
        INDArray y = Nd4j.create(oneHot(labels, n), new long[] {n, classes}, 'c');
        INDArray[] inputs = distils()
                ? new INDArray[] {x, Nd4j.create(teacherLogits, new long[] {n, classes}, 'c')}
                : new INDArray[] {x};
        capture.reset();
        sd.fit(new MultiDataSet(inputs, new INDArray[] {y}), capture);
        updateRunningStatistics();
        INDArray logits = capture.values.get(TRAIN_LOGITS);
        if (logits != null && trainLogits != null) {
            System.arraycopy(logits.dup().data().asFloat(), 0, trainLogits, 0, n * classes);
        }
        return capture.loss;
    }

    double debugLoss(float[] features, int n, int[] labels, float[] teacherLogits) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(INPUT, Nd4j.create(features, new long[] {n, channels, height, width}, 'c'));
        ph.put(LABEL, Nd4j.create(oneHot(labels, n), new long[] {n, classes}, 'c'));
        if (distils()) ph.put(TEACHER_LOGITS, Nd4j.create(teacherLogits, new long[] {n, classes}, 'c'));
        return sd.output(ph, "loss").get("loss").getDouble(0);
    }

    /** Evaluation-mode logits (N x K) for a batch of normalised NCHW features. */
    public float[] logits(float[] features, int n) {
        INDArray x = Nd4j.create(features, new long[] {n, channels, height, width}, 'c');
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(INPUT, x);
        INDArray out = sd.output(ph, EVAL_LOGITS).get(EVAL_LOGITS);
        return out.dup().data().asFloat();
    }

    /** Trainable parameters and running statistics, by name: what a checkpoint holds. */
    public Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            boolean param = v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE;
            boolean running = v.name().endsWith("/runMean") || v.name().endsWith("/runVar");
            if (param || running) {
                s.put(v.name(), v.getArr().dup().data().asFloat());
            }
        }
        return s;
    }

    /**
     * The optimizer's state (Nesterov velocity per parameter, flattened, named {@code param#key})
     * and SameDiff's iteration count, which drives the learning-rate schedule: with them a resumed
     * run continues exactly where it stopped.
     */
    public Map<String, float[]> optimizerState() {
        Map<String, float[]> s = new LinkedHashMap<>();
        sd.getUpdaterMap().forEach((param, updater) -> {
            Map<String, INDArray> st = updater.getState();
            if (st != null) {
                st.forEach((k, v) -> s.put(param + "#" + k, v.dup().data().asFloat()));
            }
        });
        return s;
    }

    public int iterations() {
        return sd.getTrainingConfig().getIterationCount();
    }

    /** Restores {@link #optimizerState()} and the iteration count; call after {@link #configure}. */
    void restoreOptimizerState(Map<String, float[]> state, int iterations) {
        buildGradientsQuietly();
        if (sd.getUpdaterMap() == null || sd.getUpdaterMap().isEmpty()) {
            initializeTraining();
        }
        Map<String, Map<String, INDArray>> byParam = new HashMap<>();
        state.forEach((name, v) -> {
            int hash = name.lastIndexOf('#');
            byParam.computeIfAbsent(name.substring(0, hash), k -> new HashMap<>())
                    .put(name.substring(hash + 1), Nd4j.create(v));
        });
        sd.getUpdaterMap().forEach((param, updater) -> {
            Map<String, INDArray> saved = byParam.get(param);
            Map<String, INDArray> current = updater.getState();
            if (saved == null || current == null) {
                throw new IllegalArgumentException("optimizer state does not fit " + architecture.name() + ": " + param);
            }
            current.forEach((k, arr) -> arr.assign(saved.get(k).reshape(arr.shape())));
        });
        sd.getTrainingConfig().setIterationCount(iterations);
    }

    /** SameDiff creates its updaters lazily on the first fit; a resumed run needs them before. */
    private void initializeTraining() {
        try {
            java.lang.reflect.Method m = SameDiff.class.getDeclaredMethod("initializeTraining");
            m.setAccessible(true);
            m.invoke(sd);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot initialise SameDiff training to restore the optimizer", e);
        }
    }

    /** Restores {@link #state()}; names and sizes must match exactly. */
    public void restore(Map<String, float[]> state) {
        for (Map.Entry<String, float[]> e : state.entrySet()) {
            SDVariable v = sd.getVariable(e.getKey());
            if (v == null || v.getArr().length() != e.getValue().length) {
                throw new IllegalArgumentException("checkpoint does not fit " + architecture.name()
                        + ": variable " + e.getKey());
            }
            v.getArr().assign(Nd4j.create(e.getValue(), v.getArr().shape(), 'c'));
        }
    }

    /**
     * Exponential moving averages of the captured batch statistics. The batch variance is the
     * biased one: with N*H*W >= 8,192 values per channel here, PyTorch's unbiased correction
     * differs by less than 0.02 %.
     */
    private void updateRunningStatistics() {
        for (BatchNormLayer bn : batchNorms) {
            INDArray mean = capture.values.get(bn.batchMeanVar());
            INDArray var = capture.values.get(bn.batchVarVar());
            if (mean == null || var == null) {
                throw new IllegalStateException("batch statistics of " + bn.name() + " were not captured");
            }
            INDArray runMean = sd.getVariable(bn.runMeanVar()).getArr();
            INDArray runVar = sd.getVariable(bn.runVarVar()).getArr();
            runMean.muli(1 - BN_MOMENTUM).addi(mean.mul(BN_MOMENTUM));
            runVar.muli(1 - BN_MOMENTUM).addi(var.mul(BN_MOMENTUM));
        }
    }

    /** SameDiff prints a line per differentiated op while building the gradient graph. */
    private void buildGradientsQuietly() {
        if (gradientsBuilt) {
            return;
        }
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
        gradientsBuilt = true;
    }

    private float[] oneHot(int[] labels, int n) {
        float[] y = new float[n * classes];
        for (int i = 0; i < n; i++) {
            y[i * classes + labels[i]] = 1f;
        }
        return y;
    }

    /** Collects batch statistics, training logits and the loss during a fit step. */
    private final class Capture extends BaseListener {
        final Map<String, INDArray> values = new HashMap<>();
        double loss = Double.NaN;
        private final String[] names;

        Capture() {
            List<String> n = new ArrayList<>();
            for (BatchNormLayer bn : batchNorms) {
                n.add(bn.batchMeanVar());
                n.add(bn.batchVarVar());
            }
            n.add(TRAIN_LOGITS);
            n.add("loss");
            names = n.toArray(new String[0]);
        }

        void reset() {
            values.clear();
            loss = Double.NaN;
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
            for (String name : names) {
                if (name.equals(varName)) {
                    if (varName.equals("loss")) {
                        loss = activation.getDouble(0);
                    }
                    values.put(varName, activation.dup());
                    return;
                }
            }
        }

    }
}
