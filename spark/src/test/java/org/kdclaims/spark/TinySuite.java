package org.kdclaims.spark;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.kdclaims.config.Settings;
import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.models.Architectures;
import org.kdclaims.plan.Executor;
import org.kdclaims.plan.LocalExecutor;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.StoreTrainer;
import org.kdclaims.plan.SuitePlan;
import org.kdclaims.plan.SuiteProgress;
import org.kdclaims.plan.TrainingHooks;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.Distillation;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.TrainingSpec;

/**
 * A tiny suite on the generated stand-in data, for the executors to agree on: a teacher trained
 * from scratch and two students that learn from it (a DAG: the students wait for the teacher), and
 * a run of its own. The teacher is the longest run, so that a worker can be killed while it trains.
 */
final class TinySuite {
    private TinySuite() {
    }

    /** Tiny-scale settings with the model store at {@code store}, plus {@code overrides} (key, value, ...). */
    static Settings settings(Path store, String... overrides) {
        Map<String, String> p = new TreeMap<>(Map.of("kd.scale", "smoke", "kd.data", "synthetic",
                "kd.trainPerClass", "40", "kd.testPerClass", "10", "kd.resolution", "16", "kd.cache", "readwrite",
                "kd.models.dir", store.toUri().toString(), "kd.threads", "1", "kd.workers", "2",
                "kd.data.cache", "off"));
        p.put("kd.teacherLogitCacheMb", "16");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        return Settings.from(k -> Optional.ofNullable(p.get(k)));
    }

    static TrainingData data(Settings s) {
        return s.dataProvider().load(DataSetId.CIFAR10, s.dataScale());
    }

    /** The plan: teacher cnn-4 ({@code teacherEpochs}); students cnn-2 seeds 1 and 2 with KD from it; cnn-2 seed 9 alone. */
    static SuitePlan plan(Settings s, int teacherEpochs) {
        return plan(s, teacherEpochs, key -> false);
    }

    /** The plan with each run marked stored as {@code stored} says (a rerun's plan: what the store holds). */
    static SuitePlan plan(Settings s, int teacherEpochs, java.util.function.Predicate<String> stored) {
        NativeBackend.configureThreads(s.threads()); // part of the key, as in a session
        TrainingData d = data(s);
        SuitePlan plan = new SuitePlan();
        RunRequest teacher = run(TrainingSpec.paperDefaults(Architectures.parse("cnn-4"), teacherEpochs, 1), d,
                "teacher", null, 0);
        plan.add(teacher, "T1", stored.test(teacher.key()));
        for (long seed = 1; seed <= 2; seed++) {
            TrainingSpec student = TrainingSpec.paperDefaults(Architectures.parse("cnn-2"), 3, seed)
                    .withDistillation(Distillation.standard(), 3);
            RunRequest r = run(student, d, "student", teacher.key(), teacherEpochs);
            plan.add(r, "T1", stored.test(r.key()));
        }
        RunRequest scratch = run(TrainingSpec.paperDefaults(Architectures.parse("cnn-2"), 3, 9), d, "scratch", null, 0);
        plan.add(scratch, "T2", stored.test(scratch.key()));
        plan.nodes().forEach(n -> plan.estimate(n.run().key(), n.run().spec().epochs()));
        return plan;
    }

    private static RunRequest run(TrainingSpec spec, TrainingData d, String role, String parent, int epoch) {
        String teacherKey = parent == null ? null : parent + "@" + epoch;
        return new RunRequest(ModelStore.key(spec, d, teacherKey), ModelStore.basis(spec, d, teacherKey), spec,
                DataSetId.CIFAR10, role, parent, epoch);
    }

    /** The local executor's trainer, as a session makes it, for the reference run. */
    static StoreTrainer localTrainer(Settings s, ModelStore store) {
        TrainingData d = data(s);
        return new StoreTrainer(store, id -> d, (key, label) -> store.find(key).orElseThrow(), 0, 0,
                () -> TrainingHooks.NONE);
    }

    static Map<String, RunOutcome> execute(Executor executor, SuitePlan plan, org.kdclaims.plan.RunTrainer trainer) {
        try (SuiteProgress progress = new SuiteProgress(plan, 2, quiet(), Duration.ofMinutes(5))) {
            return executor.execute(plan, trainer, progress);
        }
    }

    private static final Map<Integer, Map<String, String>> REFERENCES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The local executor's finals for the plan with {@code teacherEpochs}, trained once per test JVM
     * into a fresh temporary store (several tests compare with the same reference).
     */
    static synchronized Map<String, String> reference(int teacherEpochs) {
        return REFERENCES.computeIfAbsent(teacherEpochs, e -> {
            try {
                Path store = java.nio.file.Files.createTempDirectory("kd-spark-reference-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(store)));
                Settings s = settings(store);
                return trainLocally(s, plan(s, e));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    private static void deleteTree(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** The reference: the plan trained by the local executor into {@code store}. */
    static Map<String, String> trainLocally(Settings s, SuitePlan plan) {
        ModelStore store = ModelStore.of(s.modelsDir(), s.cachePolicy());
        Map<String, RunOutcome> out = execute(new LocalExecutor(2, 1), plan, localTrainer(s, store));
        if (!out.values().stream().allMatch(RunOutcome::ok)) {
            throw new IllegalStateException("the local reference failed: " + out);
        }
        return finals(s, plan);
    }

    /**
     * Every run's final numbers by key, as one fingerprint: every epoch's metrics but the timings,
     * and the bits of the last checkpoint's weights. Read fresh from the store on disk.
     */
    static Map<String, String> finals(Settings s, SuitePlan plan) {
        ModelStore store = ModelStore.of(s.modelsDir(), "read");
        Map<String, String> out = new TreeMap<>();
        for (var n : plan.nodes()) {
            TrainedModel m = store.find(n.run().key()).orElseThrow(() -> new AssertionError(
                    n.run().label() + " is not in the store " + s.modelsDir()));
            out.put(n.run().key(), fingerprint(m));
        }
        return out;
    }

    private static String fingerprint(TrainedModel m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder();
            for (EpochMetrics e : m.curve()) {
                text.append(List.of(e.epoch(), e.learningRate(), e.trainLoss(), e.trainCrossEntropy(),
                        e.trainKdLoss(), e.trainError(), e.testCrossEntropy(), e.testError(), e.testKdLoss(),
                        e.testKdError())).append('\n');
            }
            for (Map.Entry<String, float[]> w : new TreeMap<>(m.checkpoint(m.spec().epochs())).entrySet()) {
                sha.update(w.getKey().getBytes(StandardCharsets.UTF_8));
                ByteBuffer b = ByteBuffer.allocate(4 * w.getValue().length);
                for (float f : w.getValue()) {
                    b.putInt(Float.floatToRawIntBits(f));
                }
                sha.update(b.array());
            }
            return text + "weights " + HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
