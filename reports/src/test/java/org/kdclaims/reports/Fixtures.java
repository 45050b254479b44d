package org.kdclaims.reports;

import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CrossoverEpoch;
import org.kdclaims.results.model.CrossoverRecord;
import org.kdclaims.results.model.CurveRecord;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.EpochRecord;
import org.kdclaims.results.model.PaperValueRecord;
import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Point;
import org.kdclaims.results.model.PremiseRecord;
import org.kdclaims.results.model.Replication;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.Series;
import org.kdclaims.results.model.Statistics;
import org.kdclaims.results.model.TeacherRecord;
import org.kdclaims.results.model.TestResult;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic results set as the framework would write it: three claims, one per verdict, with
 * training runs, learning curves and a plot with error bars. Deterministic (fixed seeds).
 */
public final class Fixtures {
    public static final String RUN_ID = "20251128T103000Z-7f3a";
    private static final int EPOCHS = 30;

    private Fixtures() {
    }

    public static RunResults results() {
        return new RunResults(RunResults.SCHEMA, run(), List.of(c1Refuted(), c3Inconclusive(), c4Supported()));
    }

    public static RunInfo run() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", "17.0.15");
        versions.put("dl4j", "1.0.0-M2.1");
        versions.put("git", "3c9e1f2 (dirty)");
        return new RunInfo(RUN_ID, "2025-11-28T10:30:00Z", "2025-11-28T11:02:13Z", "small", "CIFAR-10 (10k subset)",
                "linux-x86_64-onednn-avx2", 2, versions, "ci-runner-3", null, "avx2");
    }

    /** The same run with another seed base and instruction set, e.g. a fresh-seed replication run. */
    public static RunInfo run(Long seedBase, String cpuIsa) {
        RunInfo r = run();
        return new RunInfo(r.runId(), r.startedAt(), r.finishedAt(), r.scale(), r.dataset(), r.nativeBuild(),
                r.threads(), r.versions(), r.host(), seedBase, cpuIsa);
    }

    /**
     * Results that use every verdict field: a two-arm claim with statistics and premises that
     * hold, a claim outside the paper's regime, and an inconclusive curve claim whose test could
     * not detect the paper's effect. Run with a replication seed base on AVX-512.
     */
    public static RunResults verdictResults() {
        return new RunResults(RunResults.SCHEMA, run(1000L, "avx512_core"),
                List.of(c2OutsideRegime(), c4WithStatistics(), c5Curve()));
    }

    /** {@link #c4Supported()} with its statistics and premises. */
    public static ClaimResult c4WithStatistics() {
        ClaimResult c = c4Supported();
        Statistics stats = new Statistics("paired t-test, one-sided", "paired by seed, 3 pairs", 0.62,
                -0.457, -0.62, -0.29, 0, 0.0041, 0.05, 0.21, -1.63, null, true, null, null);
        return withVerdictFields(c, c.verdict(), stats, List.of(teacherPremise(46.1, true)),
                ClaimResult.IN_REGIME, null, null);
    }

    /** A claim whose teacher was no better than the student: outside the regime the paper speaks about. */
    public static ClaimResult c2OutsideRegime() {
        ClaimResult c = new ClaimResult("C2", "Distillation from a weak teacher", "Table 1",
                "A more accurate teacher distils into a better student.",
                "mean(KD) - mean(scratch) < 0", "test error %", List.of(),
                List.of(arm("KD", 57.1, 57.9, 58.4), arm("scratch", 56.0, 55.8, 56.3)),
                new TestResult("paired t-test", "less", 5.2, 2, 0.98, 2.9, 0.05),
                ClaimResult.OUTSIDE_REGIME, "passed", params("tau", "4"), List.of(), List.of(), 95.0, null);
        Statistics stats = new Statistics("paired t-test, one-sided", "paired by seed, 3 pairs", 0.35,
                1.77, 0.9, 2.6, 0, 0.98, 0.05, 1.1, -0.8, null, false, null, null);
        return withVerdictFields(c, ClaimResult.OUTSIDE_REGIME, stats,
                List.of(teacherPremise(58.3, false), new PremiseRecord("student trains", "the scratch student beats chance",
                        56.0, 90.0, "% test error", true)),
                ClaimResult.OUTSIDE_REGIME, ClaimResult.REFUTED, null);
    }

    /** Student error over teacher width, an interior minimum the paper shows; inconclusive here. */
    public static ClaimResult c5Curve() {
        CurveRecord curve = new CurveRecord("teacher width", "INTERIOR_MINIMUM", List.of(
                new CurvePoint("WRN16-1", 1, arm("WRN16-1", 56.2, 55.1, 55.9), 8.76, false),
                new CurvePoint("WRN16-3", 3, arm("WRN16-3", 54.0, 54.9, 54.2), 7.61, true),
                new CurvePoint("WRN16-8", 8, arm("WRN16-8", 54.6, 55.3, 54.8), 7.98, true),
                new CurvePoint("WRN16-10", 10, arm("WRN16-10", 55.0, 55.4, 55.9), null, false)));
        Statistics stats = new Statistics("Holm-adjusted paired t-tests (4 comparisons)", "paired by seed, 3 pairs",
                0.41, -0.53, -1.6, 0.54, 0.25, 0.21, 0.05, 2.4, -0.37, 58, false, "Holm over 4 comparisons",
                "adaptive seeds: 3 -> 5 (2 rounds), O'Brien-Fleming alpha spending");
        ClaimResult c = new ClaimResult("C5", "Student error has an interior minimum over teacher width", "Fig. 2",
                "Students of medium teachers are best.", "error(WRN16-3) < error(WRN16-8)", "test error %",
                List.of(), List.of(), null, ClaimResult.INCONCLUSIVE, "aborted", params("seeds", "3"),
                List.of(), List.of(), 300.0, null);
        return withVerdictFields(c, ClaimResult.INCONCLUSIVE, stats, List.of(teacherPremise(46.1, true)),
                ClaimResult.IN_REGIME, null, curve);
    }

    /**
     * The paper's Fig. 3 as a crossover claim: full KD's student below the scratch student early in
     * training, above it at the end; 10 evaluated epochs of 100, the early part up to epoch 40. The best
     * early epoch (20, Holm p 0.0084) has the larger p of the two parts, so it decides (p 0.0084).
     */
    public static ClaimResult c4aCrossover() {
        double[][] kd = {{60.1, 59.6, 60.4}, {52.3, 51.8, 52.6}, {48.0, 47.5, 48.4}, {45.9, 45.2, 46.1},
            {44.1, 43.8, 44.5}, {42.6, 42.0, 42.9}, {41.7, 41.2, 42.1}, {41.1, 40.6, 41.4}, {40.8, 40.3, 41.2},
            {40.7, 40.2, 41.0}};
        double[][] scratch = {{62.0, 61.5, 62.6}, {54.9, 54.1, 55.2}, {49.5, 49.0, 50.1}, {46.4, 45.9, 46.8},
            {44.0, 43.7, 44.6}, {42.1, 41.6, 42.3}, {40.8, 40.5, 41.1}, {40.0, 39.6, 40.5}, {39.8, 39.4, 40.1},
            {39.7, 39.3, 40.0}};
        List<CurvePoint> first = new ArrayList<>();
        List<CurvePoint> second = new ArrayList<>();
        for (int i = 0; i < kd.length; i++) {
            int epoch = 10 * (i + 1);
            boolean marked = epoch == 20 || epoch == 100;
            first.add(new CurvePoint("epoch " + epoch, epoch, arm("fullKd", kd[i]), null, marked));
            second.add(new CurvePoint("epoch " + epoch, epoch, arm("scratch", scratch[i]), null, marked));
        }
        List<CrossoverEpoch> tests = List.of(
                new CrossoverEpoch("epoch 10", 10, CrossoverRecord.EARLY, -1.9, -2.6, -1.2, 0.0035, 0.0105, 0.9965, 0.9,
                        false, false),
                new CrossoverEpoch("epoch 20", 20, CrossoverRecord.EARLY, -2.53, -3.1, -1.96, 0.0021, 0.0084, 0.9979,
                        0.8, true, true),
                new CrossoverEpoch("epoch 30", 30, CrossoverRecord.EARLY, -1.5, -2.1, -0.9, 0.0061, 0.0122, 0.9939, 0.9,
                        false, false),
                new CrossoverEpoch("epoch 40", 40, CrossoverRecord.EARLY, -0.5, -1.4, 0.4, 0.09, 0.09, 0.91, 1.1,
                        false, false),
                new CrossoverEpoch("epoch 100", 100, CrossoverRecord.FINAL, 1.0, 0.6, 1.4, 0.9968, Double.NaN, 0.0032,
                        0.5, false, false));
        CrossoverRecord crossover = new CrossoverRecord("fullKd", "scratch", 40, first, second, tests,
                "d = fullKd - scratch at each epoch both evaluated, paired by seed. Early part: epochs up to 40 ...");
        Statistics stats = new Statistics("paired t-test, one-sided: d = fullKd - scratch; early (epochs <= 40,"
                + " 4 tested): d < 0, Holm step-down; final: d > 0; intersection-union test",
                "paired by seed, 3 pairs at each epoch", 0.97, -2.53, -3.1, -1.96, 0, 0.0084, 0.05, 0.8, null, null,
                null, "Holm over the 4 early epochs (up to epoch 40, 40 % of training); intersection-union with the"
                        + " final epoch, no further correction; decided by epoch 20 (an early epoch)", null);
        ClaimResult c = new ClaimResult("C4a", "fullKdCrossesAboveScratch", "Fig. 3",
                "Full KD's student is better than the scratch student early in training and worse at its end.",
                "fullKd test error (%) crosses above scratch's", "test error (%)", List.of(),
                List.of(arm("fullKd", kd[9]), arm("scratch", scratch[9])),
                new TestResult(stats.test(), "below early in training, above at its end (the curves cross)",
                        Double.NaN, Double.NaN, 0.0084, Double.NaN, 0.05),
                ClaimResult.SUPPORTED, "passed", params("learning curve", "10 points"), List.of(), List.of(), 200.0,
                null, stats, List.of(), null, null, null, crossover);
        return c;
    }

    /**
     * Everything a reader meets at once: the claims of {@link #results()} and {@link #verdictResults()},
     * a claim whose teachers are the unit of replication (students grouped under them), and a curve
     * claim conditional on one teacher with eight arms of learning curves and premise names as long
     * as the framework writes them.
     */
    public static RunResults readerResults() {
        List<ClaimResult> claims = new ArrayList<>(results().claims());
        claims.addAll(verdictResults().claims());
        claims.add(teachersAsUnit());
        claims.add(curveOnOneTeacher());
        return new RunResults(RunResults.SCHEMA, run(1000L, "avx512_core"), claims);
    }

    /** Three teachers per arm, two students each; the test ran on per-teacher means. */
    public static ClaimResult teachersAsUnit() {
        ArmResult small = teacherArm("students of WRN16-3", 3, new double[] {46.2, 47.9, 45.4},
                7.91, 8.05, 7.70, 7.82, 8.20, 8.11);
        ArmResult large = teacherArm("students of WRN16-8", 8, new double[] {41.0, 40.2, 42.6},
                7.80, 7.95, 7.74, 7.66, 8.02, 7.97);
        Replication design = new Replication(Replication.UNIT_TEACHER, 3, 2, 0.0123, 0.0087, false,
                "3 teachers x 2 students per arm; paired t-test on per-teacher means, paired by teacher seed",
                "9 teachers x 2 students per arm");
        Statistics stats = new Statistics("paired t-test, one-sided", "paired by teacher seed, 3 pairs", 0.71,
                0.087, -0.21, 0.38, 0, 0.19, 0.05, 0.52, 0.16, 9, false, null, null).withReplication(design);
        ClaimResult c = new ClaimResult("C1", "Bigger teachers are not better teachers (teachers replicated)", "Fig. 2",
                "Bigger, more accurate teachers are not better teachers.",
                "student error(WRN16-8 teachers) >= student error(WRN16-3 teachers)", "test error %", List.of(),
                List.of(small, large), new TestResult("paired t-test", "greater", 0.95, 2, 0.19, 0.55, 0.05),
                ClaimResult.INCONCLUSIVE, "aborted", params("teachers", "3 per arm", "students", "2 per teacher"),
                List.of(), List.of(), 250.0, null);
        return withVerdictFields(c, ClaimResult.INCONCLUSIVE, stats, List.of(), ClaimResult.IN_REGIME, null, null);
    }

    /** Early-stopped teachers as a curve, every student of one teacher: conditional on it. */
    public static ClaimResult curveOnOneTeacher() {
        List<CurvePoint> points = new ArrayList<>();
        List<TrainingRunRecord> runs = new ArrayList<>();
        double[] stops = {0.15, 0.3, 0.5, 0.7, 1};
        double[][] errors = {{62.1, 61.5, 63.0}, {60.2, 59.8, 61.1}, {60.9, 61.4, 60.1}, {61.8, 62.5, 61.2},
                {62.4, 63.1, 62.0}};
        for (int i = 0; i < stops.length; i++) {
            ArmResult a = arm("students[teacherStop=" + stops[i] + "]", errors[i]);
            TeacherRecord t = new TeacherRecord(7, "wrn-10-0.5 seed 7 stopped at " + Math.round(stops[i] * 100) + " %",
                    55.0 - i * 1.5);
            points.add(new CurvePoint(String.valueOf(stops[i]), stops[i], new ArmResult(a.name(), a.seeds(), a.values(),
                    a.mean(), a.sd(), a.ciLow(), a.ciHigh(), ArmResult.UNIT_SEED, List.of(7L, 7L, 7L), List.of(t)),
                    null, i == 1 || i == stops.length - 1));
            for (long seed = 1; seed <= 3; seed++) {
                runs.add(run("student students[teacherStop=" + stops[i] + "]", "wrn-10-0.25", seed, 0.6, false));
            }
        }
        for (long seed = 1; seed <= 3; seed++) {
            runs.add(run("student scratch wrn-16-1 (premise)", "wrn-10-0.25", seed, 0.68, false));
            runs.add(run("teacher", "wrn-10-0.5", seed, 0.55, true));
            runs.add(run("teacher", "wrn-10-1", seed, 0.52, true));
        }
        Replication design = new Replication(Replication.UNIT_SEED, 3, 1, null, 0.41, true,
                "3 students of one teacher per point; Holm-adjusted paired t-tests, paired by student seed", null);
        Statistics stats = new Statistics("Holm step-down over 4 one-sided comparisons with 1 (paired t-test, one-sided)",
                "paired by seed, 3 pairs", 0.8, -2.2, -3.4, -1.0, 0, 0.012, 0.05, 1.1, null, null, null,
                "Holm step-down over 4 comparisons with 1", null).withReplication(design);
        ClaimResult c = new ClaimResult("C8", "earlyStoppedTeachersAreBetterTeachers", "Fig. 4, Fig. 5",
                "Some early stop of a WRN-16-2 teacher (15, 30, 50 or 70 % of its training) gives a WRN-16-1 student"
                        + " a lower test error than the fully trained WRN-16-2",
                "students test error (%): some earlier point beats the end", "test error (%)", List.of(), List.of(),
                new TestResult("Holm", "less", Double.NaN, Double.NaN, 0.012, Double.NaN, 0.05),
                ClaimResult.SUPPORTED, "passed", params("curve students", "teacherStop = [0.15, 0.3, 0.5, 0.7, 1]"),
                runs, List.of(), 80.0, null);
        PremiseRecord fits = new PremiseRecord("FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET",
                "every teacher's final training error is below 10 % (worst: wrn-10-0.5 fully trained 53.80 %)",
                53.8, 10.0, "% training error", true);
        PremiseRecord beats = new PremiseRecord("FULLY_TRAINED_TEACHERS_BEAT_SCRATCH",
                "every teacher has a lower test error than its student architecture trained alone (worst: wrn-10-0.5"
                        + " fully trained 61.67 % vs wrn-16-1 from scratch 68.50 %)", 61.67, 68.5, "% test error", true);
        return withVerdictFields(c, ClaimResult.SUPPORTED, stats, List.of(beats, fits), ClaimResult.IN_REGIME, null,
                new CurveRecord("teacher stop (fraction of training)", "BEST_BEFORE_END", points));
    }

    /** {@code values} in pairs of students per teacher; teacher k has seed k, its students seeds 10k+1, 10k+2. */
    private static ArmResult teacherArm(String name, int width, double[] teacherErrors, double... values) {
        ArmResult flat = arm(name, values);
        List<Long> seeds = new ArrayList<>();
        List<Long> teacherSeeds = new ArrayList<>();
        List<TeacherRecord> teachers = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            long teacher = i / 2 + 1;
            seeds.add(teacher * 10 + i % 2 + 1);
            teacherSeeds.add(teacher);
        }
        for (int k = 0; k < teacherErrors.length; k++) {
            teachers.add(new TeacherRecord(k + 1, "WRN16-" + width + " seed " + (k + 1), teacherErrors[k]));
        }
        return new ArmResult(name, seeds, flat.values(), flat.mean(), 0.11, flat.mean() - 0.27, flat.mean() + 0.27,
                ArmResult.UNIT_TEACHER, teacherSeeds, teachers);
    }

    public static ClaimResult withVerdictFields(ClaimResult c, String verdict, Statistics statistics,
                                                List<PremiseRecord> premises, String regime, String statisticalVerdict,
                                                CurveRecord curve) {
        return new ClaimResult(c.id(), c.displayName(), c.source(), c.statement(), c.hypothesis(), c.metric(),
                c.paper(), c.arms(), c.test(), verdict, c.outcome(), c.parameters(), c.runs(), c.plots(),
                c.wallSeconds(), c.note(), statistics, premises, regime, statisticalVerdict, curve);
    }

    private static PremiseRecord teacherPremise(double teacherError, boolean holds) {
        return new PremiseRecord("teacher more accurate than student",
                "every teacher's test error is below the scratch student's", teacherError, 56.0, "% test error", holds);
    }

    public static ClaimResult c4Supported() {
        List<TrainingRunRecord> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            runs.add(run("teacher", "WRN16-3", seed, 0.060, true));
            runs.add(run("student-kd", "WRN16-1", seed, 0.081, false));
            runs.add(run("student-eskd", "WRN16-1", seed, 0.076, false));
        }
        Plot stop = new Plot("Student error vs ESKD stop epoch", "KD stopped at epoch", "test error %", List.of(
                new Series("ESKD", List.of(new Point(5, 8.10, 7.90, 8.30), new Point(10, 7.62, 7.45, 7.79),
                        new Point(15, 7.71, 7.50, 7.92), new Point(20, 7.95, 7.80, 8.10))),
                new Series("full KD", List.of(Point.of(5, 8.04), Point.of(20, 8.04)))));
        return new ClaimResult("C4", "ESKD beats full KD (WRN16-3 \u2192 WRN16-1)", "Table 3",
                "Full KD helps early in training and hurts late; ESKD beats full KD.",
                "mean test error(ESKD) < mean test error(full KD)", "test error %",
                List.of(new PaperValueRecord("full KD", 30.79, "%", "ImageNet, ResNet34 \u2192 ResNet18"),
                        new PaperValueRecord("ESKD", 29.16, "%", "ImageNet, ResNet34 \u2192 ResNet18")),
                List.of(arm("full KD", 8.12, 8.01, 7.99), arm("ESKD", 7.61, 7.70, 7.55)),
                new TestResult("Welch t-test", "less", -6.21, 3.6, 0.0041, -5.07, 0.05),
                ClaimResult.SUPPORTED, "passed", params("tau", "4", "alpha", "0.9 on KD (Hinton)", "eskdEpoch", "10"),
                runs, List.of(stop), 412.5, null);
    }

    public static ClaimResult c1Refuted() {
        List<TrainingRunRecord> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            runs.add(run("teacher", "WRN16-3", seed, 0.060, true));
            runs.add(run("teacher", "WRN16-8", seed, 0.052, true));
            runs.add(run("student<WRN16-3>", "WRN16-1", seed, 0.080, false));
            runs.add(run("student<WRN16-8>", "WRN16-1", seed, 0.078, false));
        }
        Plot bySize = new Plot("Student error vs teacher width", "teacher width k (WRN16-k)", "student test error %",
                List.of(new Series("WRN16-1 student", List.of(new Point(1, 8.76, 8.60, 8.92),
                        new Point(3, 7.95, 7.80, 8.10), new Point(8, 7.80, 7.61, 7.99)))));
        return new ClaimResult("C1", "Bigger teachers are not better: WRN16-8 vs WRN16-3 \"k\" & <width>", "Fig. 2",
                "Bigger, more accurate teachers are not better teachers.",
                "student error(WRN16-8 teacher) > student error(WRN16-3 teacher)", "test error %",
                List.of(new PaperValueRecord("teacher ResNet34 \u2192 student", 30.79, "%", "Table 1, ImageNet"),
                        new PaperValueRecord("teacher ResNet50 \u2192 student", 30.95, "%", "Table 1, ImageNet")),
                List.of(arm("teacher WRN16-3", 7.93, 8.02, 7.90), arm("teacher WRN16-8", 7.78, 7.85, 7.77)),
                new TestResult("Welch t-test", "greater", -3.9, 3.9, 0.991, -3.2, 0.05),
                ClaimResult.REFUTED, "failed", params("tau", "4", "teachers", "WRN16-3, WRN16-8"),
                runs, List.of(bySize), 655.0, "At this scale the larger teacher gave the better student.");
    }

    public static ClaimResult c3Inconclusive() {
        List<TrainingRunRecord> runs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            runs.add(run("teacher", "WRN28-3", seed, 0.055, true));
            runs.add(run("student-kd", "WRN28-1", seed, 0.072, false));
        }
        ArmResult single = new ArmResult("WRN28-1 \u2190 WRN28-8", List.of(1L), List.of(4.81), 4.81,
                Double.NaN, Double.NaN, Double.NaN);
        return new ClaimResult("C3", "KD error grows with teacher size", "Table 2",
                "The student cannot mimic a large teacher: KD error grows with teacher size.",
                "KD error(WRN28-8 teacher) > KD error(WRN28-3 teacher)", "KD error test %",
                List.of(new PaperValueRecord("WRN28-1 \u2190 WRN28-3", 4.05, "%", "test"),
                        new PaperValueRecord("WRN28-1 \u2190 WRN28-8", 4.81, "%", "test")),
                List.of(arm("WRN28-1 \u2190 WRN28-3", 4.40, 4.71), single),
                new TestResult("Welch t-test", "greater", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.05),
                ClaimResult.INCONCLUSIVE, "aborted", params("seeds", "2"), runs, List.of(), 120.25,
                "Only one seed finished for the WRN28-8 teacher: no test possible.");
    }

    public static ArmResult arm(String name, double... values) {
        List<Long> seeds = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            seeds.add((long) i + 1);
            v.add(values[i]);
            sum += values[i];
        }
        double mean = sum / values.length;
        double ss = 0;
        for (double x : values) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (values.length - 1));
        double half = 4.303 * sd / Math.sqrt(values.length); // t(0.975, 2)
        return new ArmResult(name, seeds, v, mean, sd, mean - half, mean + half);
    }

    /** A training run whose test error decays towards {@code finalError}, with seeded noise. */
    public static TrainingRunRecord run(String role, String arch, long seed, double finalError, boolean cached) {
        Random r = new Random(seed * 31 + role.hashCode() + arch.hashCode());
        List<EpochRecord> curve = new ArrayList<>();
        double lr = 0.1;
        boolean withTeacher = role.startsWith("student");
        for (int e = 1; e <= EPOCHS; e++) {
            if (e == 10 || e == 20 || e == 25) {
                lr *= 0.2;
            }
            double progress = Math.exp(-e / 6.0);
            double test = finalError + 0.5 * progress + r.nextGaussian() * 0.004;
            double train = Math.max(0.001, finalError - 0.05 + 0.5 * progress + r.nextGaussian() * 0.003);
            curve.add(new EpochRecord(e, lr, 2.3 * progress + 0.1, train, 2.0 * progress + 0.3, test,
                    withTeacher ? 0.03 + 0.4 * progress : null));
        }
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("testError", curve.get(EPOCHS - 1).testError());
        finals.put("trainLoss", curve.get(EPOCHS - 1).trainLoss());
        return new TrainingRunRecord(role, arch, seed, Integer.toHexString((role + arch).hashCode()) + "c0ffee",
                EPOCHS, cached ? 0.4 : 38.5 + seed, cached ? Double.NaN : 1830.0 + seed * 7, cached, curve, finals);
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
