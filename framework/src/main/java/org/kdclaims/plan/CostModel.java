package org.kdclaims.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.kdclaims.data.ImageShape;
import org.kdclaims.io.AtomicFiles;
import org.kdclaims.io.Console;
import org.kdclaims.models.Architecture;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.StepTimer;
import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.training.TrainingSpec;

/**
 * Estimates a run's wall time on this machine from speeds calibrated here: a few timed training
 * and inference steps per architecture and image size, at the runs' thread count, kept in a small
 * file per (native build, CPU instruction set, threads, workers) so that later plans cost nothing.
 * With several workers the steps are timed in as many copies side by side, because that is how the
 * runs will train: on the 2-core AVX-512 machine, WRN-10-8 timed alone at 46 img/s trained at
 * 36–41 img/s beside another run, and solo calibrations put the v2 ci suite at 38 minutes where it
 * took 50–53 (side by side: 45–67, see EXPERIMENTS.md). A run
 * costs its training steps, its test evaluations and, for a student, the teacher's forward passes
 * over its batches (once per teacher and seed: students of one teacher share those logits unless
 * attention transfer computes them on the fly), or nothing where the teacher's orbit pass made
 * them a table; an orbit pass costs the teacher's inference over every view of the training set.
 */
public final class CostModel {
    /** The fewest steps timed per architecture (see {@link StepTimer}). */
    private static final int TIMED_STEPS = 5;
    private final Path file;
    private final Map<String, StepTimer.Speed> speeds = new ConcurrentHashMap<>();
    private final int threads;
    private final int workers;

    /** Speeds for runs of {@code threads} threads each, {@code workers} of them at once. */
    public CostModel(Path cacheDir, int threads, int workers) {
        this.threads = threads;
        this.workers = Math.max(1, workers);
        String name = String.format(Locale.ROOT, "speeds-%s-%s-t%d-w%d.properties", NativeBackend.buildId(),
                NativeBackend.cpuIsa().replaceAll("[^A-Za-z0-9_]+", "_"), threads, this.workers);
        this.file = cacheDir == null ? null : cacheDir.resolve(name);
        load();
    }

    /** Fills in the plan's estimates, calibrating the architectures it has not seen yet. */
    public void estimate(SuitePlan plan, Map<DataSetId, TrainingData> data) {
        Set<String> teacherEpochsCharged = new HashSet<>();
        for (SuitePlan.Node n : plan.order()) {
            RunRequest r = n.run();
            TrainingData d = data.get(r.data());
            TrainingSpec s = r.spec();
            int trainN = d.train().size();
            int testN = d.test().size();
            if (r.isOrbit()) {
                // the teacher's evaluation-mode passes over every view of every training image
                StepTimer.Speed t = speed(s.architecture(), d, s.batchSize());   // s: the teacher's own spec
                plan.estimate(r.key(), (double) trainN * d.augmentation().views() / t.inferImagesPerSecond());
                continue;
            }
            StepTimer.Speed own = speed(s.architecture(), d, s.batchSize());
            double seconds = s.epochs() * trainN / own.trainImagesPerSecond();
            int evals = (s.epochs() + Math.max(1, s.evalEvery()) - 1) / Math.max(1, s.evalEvery());
            seconds += evals * testN / own.inferImagesPerSecond();
            if (r.hasParent()) {
                TrainingSpec teacher = plan.node(r.parentKey()).run().spec();
                StepTimer.Speed t = speed(teacher.architecture(), d, s.batchSize());
                boolean onTheFly = s.distillation() != null && s.distillation().attentionTransfer();
                // with an orbit pass the teacher's outputs are looked up: nothing to charge per epoch
                int kdEpochs = s.distillation() == null || !n.after().isEmpty() ? 0 : s.kdUntilEpoch();
                for (int e = 0; e < kdEpochs; e++) {
                    String shared = r.parentKey() + "@" + r.parentEpoch() + " seed " + s.seed() + " epoch " + e;
                    if (onTheFly || teacherEpochsCharged.add(shared)) {
                        seconds += trainN / t.inferImagesPerSecond();
                    }
                }
                if (teacherEpochsCharged.add(r.parentKey() + "@" + r.parentEpoch() + " test")) {
                    seconds += testN / t.inferImagesPerSecond();
                }
            }
            plan.estimate(r.key(), seconds);
        }
        save();
    }

    /**
     * Learns a training speed from a run this suite trained from scratch (a student's epochs also
     * hold its teacher's passes): the median img/s of its epochs replaces the calibration, which was
     * a few steps of one run alone, so that the next plan's estimate reflects the runs as they ran,
     * several at once on this machine.
     */
    public void observe(TrainingSpec spec, TrainingData d, double trainImagesPerSecond) {
        if (!(trainImagesPerSecond > 0) || spec.distillation() != null) {
            return;
        }
        String key = key(spec.architecture(), d, spec.batchSize());
        StepTimer.Speed old = speeds.get(key);
        if (old != null) {
            speeds.put(key, new StepTimer.Speed(trainImagesPerSecond, old.inferImagesPerSecond()));
            save();
        }
    }

    private static String key(Architecture a, TrainingData d, int batch) {
        int b = Math.min(batch, d.train().size());
        ImageShape s = d.train().shape();
        // the calibration file's key: its text must stay as it was, or every stored speed is lost
        return String.format(Locale.ROOT, "%s|%dx%dx%d|k%d|b%d", a.name(), s.channels(), s.height(), s.width(),
                s.classes(), b);
    }

    private StepTimer.Speed speed(Architecture a, TrainingData d, int batch) {
        int b = Math.min(batch, d.train().size());
        String key = key(a, d, batch);
        return speeds.computeIfAbsent(key, k -> {
            StepTimer.Speed s = sideBySide(() -> {
                NativeBackend.useThreadsOnThisThread(threads);
                return StepTimer.measure(a, d.train().shape(), b, TIMED_STEPS);
            });
            Console.printf("[kd] calibrated %s: %.0f img/s training, %.0f img/s inference (%d thread%s, %d side by side)%n",
                    k, s.trainImagesPerSecond(), s.inferImagesPerSecond(), threads, threads == 1 ? "" : "s", workers);
            return s;
        });
    }

    /** Runs one timing per worker, all at once, and gives their mean speed. */
    private StepTimer.Speed sideBySide(Callable<StepTimer.Speed> timing) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<StepTimer.Speed>> all = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                all.add(pool.submit(timing));
            }
            double train = 0;
            double infer = 0;
            for (Future<StepTimer.Speed> f : all) {
                StepTimer.Speed s = f.get();
                train += s.trainImagesPerSecond() / workers;
                infer += s.inferImagesPerSecond() / workers;
            }
            return new StepTimer.Speed(train, infer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("calibration interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("calibration failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            for (String k : p.stringPropertyNames()) {
                String[] v = p.getProperty(k).split(",");
                speeds.put(k, new StepTimer.Speed(Double.parseDouble(v[0]), Double.parseDouble(v[1])));
            }
        } catch (IOException | RuntimeException e) {
            speeds.clear(); // a damaged calibration is measured again
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        speeds.forEach((k, s) -> p.setProperty(k, s.trainImagesPerSecond() + "," + s.inferImagesPerSecond()));
        try {
            StringWriter text = new StringWriter();
            p.store(text, "kd-claims: calibrated images per second (training, inference)");
            AtomicFiles.write(file, text.toString());
        } catch (IOException e) {
            // the estimate is only a guide: calibrate again next time
        }
    }
}
