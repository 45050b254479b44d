package org.kdclaims.training;

import org.kdclaims.data.TrainingData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Batch;
import org.kdclaims.data.Batches;
import org.kdclaims.data.ImageDataset;
import org.kdclaims.io.Console;
import java.util.Arrays;

/**
 * Trains one model: SGD epochs over seeded, augmented batches; the KD term from a teacher's
 * logits on the same augmented batch (switched off after {@code kdUntilEpoch} for ESKD); test
 * metrics every {@code evalEvery} epochs and after the last; a checkpoint after every epoch of the
 * {@link CheckpointGrid}, where an interrupted run is also saved to resume from.
 */
public final class Trainer {
    /**
     * The version of the training engine: bumped whenever a change alters what training computes,
     * so that models trained by an earlier engine are never served as if trained by this one
     * (3: PyTorch's SGD-Nesterov formulation).
     */
    public static final int ENGINE_VERSION = 3;

    private static final int EVAL_BATCH = 500;

    private Trainer() {
    }

    public static TrainedModel train(TrainingSpec spec, TrainingData data, TeacherNetwork teacher,
            ProgressListener progress) {
        return train(spec, data, teacher, progress, RunJournal.none());
    }

    /**
     * Trains, saving progress to {@code journal} after every epoch and resuming from it if an
     * earlier run of the same model was interrupted: data order and augmentation depend only on
     * (seed, epoch), and the optimizer state is restored, so a resumed run ends with the same
     * numbers as an uninterrupted one.
     */
    public static TrainedModel train(TrainingSpec spec, TrainingData data, TeacherNetwork teacher,
            ProgressListener progress, RunJournal journal) {
        if (spec.distillation() != null && teacher == null) {
            throw new IllegalArgumentException("a distillation run needs a teacher: " + spec.label());
        }
        ImageDataset train = data.train();
        int k = train.numClasses();
        int stepsPerEpoch = (train.size() + spec.batchSize() - 1) / spec.batchSize();
        Network net = Network.create(spec.architecture(), train.shape(), spec.seed(), spec.distillation());
        net.configure(spec.schedule().withStepsPerEpoch(stepsPerEpoch), spec.momentum(), spec.weightDecay());
        if (spec.distillation() != null && spec.distillation().attentionTransfer()) {
            net.requireAttentionCompatible(teacher.network());
        }
        TestSet test = TestSet.of(data, teacher, spec.distillation());

        List<EpochMetrics> curve = new ArrayList<>();
        TreeMap<Integer, Map<String, float[]>> checkpoints = new TreeMap<>();
        double earlier = 0;
        RunJournal.Progress resumed = journal.load().orElse(null);
        if (resumed != null) {
            curve.addAll(resumed.curve());
            checkpoints.putAll(resumed.checkpoints());
            net.restore(checkpoints.lastEntry().getValue());
            net.restoreOptimizerState(resumed.optimizer(), resumed.iterations());
            earlier = resumed.wallSeconds();
            Console.printf("[kd] resuming %s after epoch %d of %d%n", spec.label(), curve.size(), spec.epochs());
        }
        // the teacher's table over the augmentation orbit, resolved once per run (null: on the fly)
        TeacherOrbit orbit = spec.distillation() == null || spec.kdUntilEpoch() <= curve.size() ? null
                : teacher.orbits().orbit(teacher, data, spec.distillation().attentionTransfer());
        long start = System.nanoTime();
        for (int epoch = curve.size(); epoch < spec.epochs(); epoch++) {
            long t0 = System.nanoTime();
            boolean kdOn = spec.distillation() != null && epoch < spec.kdUntilEpoch();
            if (spec.distillation() != null) {
                net.lossWeights(kdOn ? spec.distillation().crossEntropyWeight() : 1,
                        kdOn ? spec.distillation().kdWeight() : 0);
            }
            RunningMeans train1 = trainEpoch(net, spec, data, teacher, orbit, kdOn, epoch, k);
            double seconds = (System.nanoTime() - t0) / 1e9;
            boolean evaluate = (epoch + 1) % Math.max(1, spec.evalEvery()) == 0 || epoch == spec.epochs() - 1;
            TestMetrics t = evaluate ? test.evaluate(net) : TestMetrics.NOT_EVALUATED;
            EpochMetrics m = new EpochMetrics(epoch, spec.schedule().at(epoch), train1.loss(), train1.ce(),
                    train1.kd(), train1.error(), t.crossEntropy(), t.error(), t.kdLoss(), t.kdError(), seconds,
                    train.size() / seconds);
            curve.add(m);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (CheckpointGrid.kept(epoch + 1, spec.epochs())) {
                checkpoints.put(epoch + 1, net.state());
                if (epoch < spec.epochs() - 1) {
                    journal.save(new RunJournal.Progress(List.copyOf(curve), new TreeMap<>(checkpoints),
                            net.optimizerState(), net.iterations(), earlier + elapsed));
                }
            }
            int done = epoch + 1 - (resumed == null ? 0 : resumed.curve().size());
            progress.epochDone(spec, m, elapsed / done * (spec.epochs() - epoch - 1));
        }
        journal.finished();
        return new TrainedModel(spec, net, curve, checkpoints, earlier + (System.nanoTime() - start) / 1e9,
                teacher == null ? null : teacher.key());
    }

    /** A teacher's top-1 test error, from its test-set logits (shared through its cache). */
    public static double testError(TeacherNetwork teacher, TrainingData data) {
        return Metrics.error(TestSet.teacherLogits(teacher, data), data.test().labels(), data.test().numClasses());
    }

    /** Evaluation-mode logits (N x K) of a network on the test set, in data set order. */
    public static float[] testLogits(Network net, TrainingData data) {
        return TestSet.logits(net, data);
    }

    private static RunningMeans trainEpoch(Network net, TrainingSpec spec, TrainingData data, TeacherNetwork teacher,
            TeacherOrbit orbit, boolean kdOn, int epoch, int k) {
        RunningMeans means = new RunningMeans();
        Iterator<Batch> batches = Batches.epoch(data.train(), data.normalization(), data.augmentation(),
                spec.batchSize(), spec.seed(), epoch, true);
        TeacherEpoch teacherEpoch = kdOn ? TeacherEpoch.start(teacher, orbit, data, spec, epoch) : null;
        while (batches.hasNext()) {
            Batch b = batches.next();
            int n = b.size();
            float[][] maps = teacherEpoch != null && teacherEpoch.attention() ? new float[net.attentionPoints()][] : null;
            float[] teacherLogits = teacherEpoch != null ? teacherEpoch.next(b, maps) : new float[n * k];
            float[] logits = new float[n * k];
            double loss = net.step(b.features(), n, b.labels(), teacherLogits, maps, logits);   // incl. attention transfer
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(String.format(
                        "training diverged: loss %s in epoch %d of %s (%s); lower the learning rate or check the data",
                        loss, epoch + 1, spec.label(), spec.describe()));
            }
            double kd = kdOn ? Metrics.kdLoss(logits, teacherLogits, n, k, spec.distillation().tau()) : Double.NaN;
            means.add(n, loss, Metrics.crossEntropy(logits, b.labels(), k), kd, Metrics.error(logits, b.labels(), k));
        }
        if (teacherEpoch != null) {
            teacherEpoch.finish();
        }
        return means;
    }

    /**
     * The teacher's outputs over one epoch of a student's batches: looked up in the teacher's orbit
     * table where there is one ({@link TeacherOrbit}, bitwise the teacher on the batch); else read
     * from the teacher's {@link TeacherLogitCache} when another student of the same batches computed
     * them, otherwise computed batch by batch and offered to the cache at the end. Without a table,
     * attention transfer computes the teacher (logits and maps) on the fly.
     */
    private static final class TeacherEpoch {
        private final TeacherNetwork teacher;
        private final TeacherOrbit orbit;
        private final boolean attention;
        private final String key;
        private final float[] cached;
        private final float[] computed;
        private int offset;

        private TeacherEpoch(TeacherNetwork teacher, TeacherOrbit orbit, boolean attention, String key, float[] cached,
                float[] computed) {
            this.teacher = teacher;
            this.orbit = orbit;
            this.attention = attention;
            this.key = key;
            this.cached = cached;
            this.computed = computed;
        }

        static TeacherEpoch start(TeacherNetwork teacher, TeacherOrbit orbit, TrainingData data, TrainingSpec spec,
                int epoch) {
            boolean attention = spec.distillation().attentionTransfer();
            if (orbit != null || attention || !teacher.cache().enabled()) {
                return new TeacherEpoch(teacher, orbit, attention, null, null, null);
            }
            String key = TeacherLogitCache.key(teacher, data, spec, epoch);
            float[] cached = teacher.cache().get(key);
            float[] computed = cached == null ? new float[data.train().size() * data.train().numClasses()] : null;
            return new TeacherEpoch(teacher, null, false, key, cached, computed);
        }

        boolean attention() {
            return attention;
        }

        /** The teacher's logits for the next batch; with attention transfer also its maps into {@code maps}. */
        float[] next(Batch b, float[][] maps) {
            int len = b.size() * teacher.network().shape().classes();
            float[] logits;
            if (orbit != null) {
                logits = orbit.logits(teacher.network(), b);
                if (attention) {
                    float[][] m = orbit.maps(b);
                    System.arraycopy(m, 0, maps, 0, m.length);
                }
            } else if (cached != null) {
                logits = Arrays.copyOfRange(cached, offset, offset + len);
            } else {
                logits = attention ? teacher.logits(b.features(), b.size(), maps) : teacher.logits(b.features(), b.size());
                if (computed != null) {
                    System.arraycopy(logits, 0, computed, offset, len);
                }
            }
            offset += len;
            return logits;
        }

        /** Offers a fully computed epoch to the cache. */
        void finish() {
            if (computed != null) {
                teacher.cache().put(key, computed);
            }
        }
    }

    /** Test set in evaluation mode, with the teacher's test logits computed once. */
    private record TestSet(TrainingData data, float[] teacherLogits, double tau) {
        static TestSet of(TrainingData data, TeacherNetwork teacher, Distillation kd) {
            return teacher == null ? new TestSet(data, null, Double.NaN)
                    : new TestSet(data, teacherLogits(teacher, data), kd.tau());
        }

        /** The teacher's test-set logits, computed once per teacher and data through its cache. */
        static float[] teacherLogits(TeacherNetwork teacher, TrainingData data) {
            String key = TeacherLogitCache.testKey(teacher, data);
            float[] t = teacher.cache().get(key);
            if (t == null) {
                t = logits(teacher.network(), data);
                teacher.cache().put(key, t);
            }
            return t;
        }

        TestMetrics evaluate(Network net) {
            ImageDataset test = data.test();
            int k = test.numClasses();
            float[] logits = logits(net, data);
            int[] labels = test.labels();
            double kdLoss = teacherLogits == null ? Double.NaN : Metrics.kdLoss(logits, teacherLogits, test.size(), k, tau);
            double kdError = teacherLogits == null ? Double.NaN : Metrics.disagreement(logits, teacherLogits, test.size(), k);
            return new TestMetrics(Metrics.crossEntropy(logits, labels, k), Metrics.error(logits, labels, k), kdLoss,
                    kdError);
        }

        static float[] logits(Network net, TrainingData data) {
            ImageDataset test = data.test();
            int k = test.numClasses();
            float[] all = new float[test.size() * k];
            Iterator<Batch> it = Batches.epoch(test, data.normalization(), Augmentation.none(), EVAL_BATCH, 0, 0, false);
            int offset = 0;
            while (it.hasNext()) {
                Batch b = it.next();
                float[] l = net.logits(b.features(), b.size());
                System.arraycopy(l, 0, all, offset, l.length);
                offset += l.length;
            }
            return all;
        }
    }

    /** Evaluation-mode metrics on the test set; the KD figures are NaN without a teacher. */
    private record TestMetrics(double crossEntropy, double error, double kdLoss, double kdError) {
        static final TestMetrics NOT_EVALUATED = new TestMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Image-weighted means of the per-batch training figures. */
    private static final class RunningMeans {
        private double n;
        private double loss;
        private double ce;
        private double kd;
        private double error;

        void add(int count, double l, double c, double k, double e) {
            n += count;
            loss += count * l;
            ce += count * c;
            kd += count * k;
            error += count * e;
        }

        double loss() {
            return loss / n;
        }

        double ce() {
            return ce / n;
        }

        double kd() {
            return kd / n;
        }

        double error() {
            return error / n;
        }
    }
}
