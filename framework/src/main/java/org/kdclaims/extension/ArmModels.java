package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.kdclaims.annotations.Premise;
import org.kdclaims.api.Arm;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.extension.ClaimPlan.ArmPlan;
import org.kdclaims.extension.ClaimPlan.ModelPlan;
import org.kdclaims.extension.ClaimPlan.Recipe;
import org.kdclaims.models.Architectures;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.results.events.ClaimEvents;
import org.kdclaims.results.model.TrainingRunRecord;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.CheckpointGrid;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.Metrics;
import org.kdclaims.training.TeacherNetwork;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.data.TrainingData;
import org.kdclaims.training.TrainingSpec;
import java.util.Arrays;

/**
 * The models behind a claim invocation's arms, in two steps that share one definition: {@link #runs}
 * lists the training runs (for the suite plan, before anything trains), and {@link #assemble} builds
 * an {@link Arm} from those runs once they are in the model store. A teacher is one model with a
 * checkpoint per epoch, shared by every arm and claim that names it, fully trained or stopped early;
 * a claim about teachers trains one teacher (chain) per replication and the students of each
 * ({@link ReplicationDesign}); each student seed is its own model. Seeds start at the claim's seed
 * base, or at {@code -Dkd.seedBase} for a fresh-seed replication (teachers included). A claim
 * that checks {@link Premise#TEACHERS_BEAT_SCRATCH} (or its fully-trained variant, or
 * {@link Premise#TEACHERS_IMPROVE_WITH_SIZE}) without a {@code @Scratch} arm gets scratch students
 * planned and trained for the check (the same models as such an arm, so never twice).
 */
final class ArmModels {
    static final long ENSEMBLE_SEED_STRIDE = 1000;
    private final ClaimPlan plan;
    private final ExperimentRuntime runtime;
    private final TrainingData data;
    private final long seedBase;
    /** Test errors of early-stopped checkpoints, by teacher key: each costs a pass over the test set. */
    private final Map<String, Double> checkpointErrors = new HashMap<>();

    ArmModels(ClaimPlan plan, ExperimentRuntime runtime) {
        this.plan = plan;
        this.runtime = runtime;
        this.data = runtime.data(plan.dataset());
        this.seedBase = plan.seedBase(runtime.settings());
    }

    /**
     * What the premise check needs: each teacher's numbers, the scratch students' mean test error by
     * architecture, and each scratch student (per seed, with its size).
     */
    record PremiseFacts(List<PremiseCheck.TeacherFacts> teachers, Map<String, Double> scratchError,
            List<PremiseCheck.ScratchFacts> scratchStudents) {
    }

    /** One model of a teacher chain and the checkpoint of it that teaches the next. */
    private record Link(RunRequest run, int stopEpoch, Link parent) {
        String teacherKey() {
            return run.key() + "@" + stopEpoch;
        }
    }

    /** Every run of this invocation, each teacher before the runs that learn from it. */
    List<RunRequest> runs() {
        List<RunRequest> runs = new ArrayList<>();
        List<ArmPlan> arms = new ArrayList<>(plan.arms());
        List<ArmPlan> baselines = scratchBaselines();
        arms.addAll(baselines);
        for (ArmPlan arm : arms) {
            TrainingSpec base = spec(arm.student(), 0);
            if (arm.recipe() == Recipe.ENSEMBLE) {
                for (int i = 0; i < students(); i++) {
                    for (int j = 0; j < arm.members(); j++) {
                        runs.add(request("member " + arm.name(), base.withSeed(memberSeed(i, j)), null));
                    }
                }
                continue;
            }
            boolean distilled = arm.recipe() != Recipe.SCRATCH;
            TrainingSpec student = student(arm, !baselines.contains(arm));
            for (int t = 0; t < teachers(); t++) {
                Link teacher = null;
                if (distilled) {
                    teacher = teacherChain(arm.teacher(), design().teacherSeed(seedBase, t));
                    List<RunRequest> chain = new ArrayList<>();
                    for (Link l = teacher; l != null; l = l.parent()) {
                        chain.add(0, l.run());
                    }
                    runs.addAll(chain);
                }
                for (int j = 0; j < perTeacher(); j++) {
                    runs.add(request("student " + arm.name(), student.withSeed(studentSeed(t, j)), teacher));
                }
            }
        }
        return runs;
    }

    /**
     * The students trained alone that {@link Premise#TEACHERS_BEAT_SCRATCH} compares teachers with (and
     * {@link Premise#TEACHERS_IMPROVE_WITH_SIZE} counts): one scratch arm per student architecture of the
     * distilled arms (none unless one of these premises is declared).
     */
    private List<ArmPlan> scratchBaselines() {
        if (!plan.premises().contains(Premise.TEACHERS_BEAT_SCRATCH)
                && !plan.premises().contains(Premise.FULLY_TRAINED_TEACHERS_BEAT_SCRATCH)
                && !plan.premises().contains(Premise.TEACHERS_IMPROVE_WITH_SIZE)) {
            return List.of();
        }
        Set<ModelPlan> students = new LinkedHashSet<>();
        plan.arms().stream().filter(a -> a.teacher() != null).forEach(a -> students.add(a.student()));
        return students.stream().map(s -> new ArmPlan("scratch " + s.arch() + " (premise)", Recipe.SCRATCH, s, null,
                ClaimPlan.Stop.NONE, 1, plan.distillation())).toList();
    }

    /** The numbers the claim's premises are checked on, from the stored models (recorded as runs). */
    PremiseFacts premiseFacts(ClaimRecorder recorder) {
        Map<String, Double> scratch = new LinkedHashMap<>();
        List<PremiseCheck.ScratchFacts> scratchStudents = new ArrayList<>();
        for (ArmPlan b : scratchBaselines()) {
            Arm arm = assemble(b, recorder, false);
            double[] errors = arm.testError().values();
            scratch.put(b.student().arch(), Arrays.stream(errors).average().orElse(Double.NaN));
            for (Arm.SeedResult s : arm.seeds()) {
                TrainedModel m = s.models().get(0);
                scratchStudents.add(new PremiseCheck.ScratchFacts(ModelStore.key(m.spec(), data, null),
                        m.spec().label(), m.spec().architecture().name(), m.network().parameterCount(),
                        100 * s.last().testError()));
            }
        }
        List<PremiseCheck.TeacherFacts> teachers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ArmPlan arm : plan.arms()) {
            if (arm.teacher() == null) {
                continue;
            }
            for (int t = 0; t < teachers(); t++) {
                Link link = teacherChain(arm.teacher(), design().teacherSeed(seedBase, t));
                if (seen.add(link.teacherKey() + " " + arm.student().arch())) {
                    teachers.add(teacherFacts(arm, link, recorder));
                }
            }
        }
        return new PremiseFacts(teachers, scratch, scratchStudents);
    }

    /** The premise check's numbers of one teacher (the checkpoint its students learn from). */
    private PremiseCheck.TeacherFacts teacherFacts(ArmPlan arm, Link link, ClaimRecorder recorder) {
        TrainedModel m = fetch(link.run(), recorder);
        int[] decays = m.spec().schedule().milestones();
        boolean stopped = link.stopEpoch() < m.spec().epochs();
        String label = m.spec().architecture().name() + (teachers() > 1 ? " seed " + m.spec().seed() : "")
                + (stopped ? " stopped after " + link.stopEpoch() + " epochs" : "");
        // the teacher is the checkpoint the students learn from, not the model trained to the end
        double testError = stopped ? teacher(link, recorder).testError() : m.testError();
        double trainError = m.curve().get(link.stopEpoch() - 1).trainError();
        boolean self = arm.teacher().arch().equals(arm.student().arch());
        return new PremiseCheck.TeacherFacts(label, arm.student().arch(), 100 * testError,
                100 * trainError, link.stopEpoch(), m.spec().epochs(), decays.length == 0 ? -1 : decays[0], self,
                100 * m.testError(), 100 * m.last().trainError(), link.run().key(), m.spec().architecture().name(),
                m.network().parameterCount());
    }

    /** The arm built from stored models; a model that is not there fails with the reason the suite gave. */
    Arm assemble(ArmPlan arm, ClaimRecorder recorder) {
        return assemble(arm, recorder, true);
    }

    /** {@code ofTheClaim}: one of the claim's own arms, not a premise's scratch baseline. */
    private Arm assemble(ArmPlan arm, ClaimRecorder recorder, boolean ofTheClaim) {
        TrainingSpec base = spec(arm.student(), 0);
        if (arm.recipe() == Recipe.ENSEMBLE) {
            return ensemble(arm, base, recorder);
        }
        boolean distilled = arm.recipe() != Recipe.SCRATCH;
        TrainingSpec student = student(arm, ofTheClaim);
        List<Arm.SeedResult> seeds = new ArrayList<>();
        List<Arm.TeacherInfo> teachers = new ArrayList<>();
        String teacherLabel = null;
        for (int t = 0; t < teachers(); t++) {
            Link link = null;
            Long teacherSeed = null;
            if (distilled) {
                link = teacherChain(arm.teacher(), design().teacherSeed(seedBase, t));
                LoadedTeacher teacher = teacher(link, recorder);
                teacherSeed = link.run().spec().seed();
                teacherLabel = teacherLabel == null ? teacher.network().label() : teacherLabel;
                teachers.add(new Arm.TeacherInfo(teacherSeed, teacher.network().label(), 100 * teacher.testError()));
            }
            for (int j = 0; j < perTeacher(); j++) {
                TrainedModel m = fetch(request("student " + arm.name(), student.withSeed(studentSeed(t, j)), link),
                        recorder);
                seeds.add(new Arm.SeedResult(m.spec().seed(), m.last(), List.of(m), unit(t, j), teacherSeed));
            }
        }
        String recipe = !distilled ? base.architecture().name() + " from scratch"
                : student.architecture().name() + (arm.recipe() == Recipe.ESKD ? " ESKD (KD until epoch "
                        + student.kdUntilEpoch() + ")" : " full KD") + " from " + (teachers.size() == 1 ? teacherLabel
                        : teachers.size() + " teachers (" + teacherLabel + ", ...)");
        recorder.parameter(arm.name(), recipe);
        return new Arm(arm.name(), recipe, seeds, design().byTeacher(), teachers);
    }

    private double checkpointError(Link link, TeacherNetwork teacher) {
        return checkpointErrors.computeIfAbsent(link.teacherKey(), k -> Trainer.testError(teacher, data));
    }

    /**
     * Seed i of an ensemble arm is the average prediction of members trained from scratch with
     * seeds {@code seedBase + i + ENSEMBLE_SEED_STRIDE * j}, j = 0..members-1. Member 0 is the
     * scratch model of seed i, so a claim that also has a scratch arm shares it (one training less).
     */
    private Arm ensemble(ArmPlan arm, TrainingSpec base, ClaimRecorder recorder) {
        String recipe = "ensemble of " + arm.members() + " " + base.architecture().name() + " trained from scratch";
        recorder.parameter(arm.name(), recipe);
        List<Arm.SeedResult> seeds = new ArrayList<>();
        for (int i = 0; i < students(); i++) {
            List<TrainedModel> members = new ArrayList<>();
            List<float[]> logits = new ArrayList<>();
            for (int j = 0; j < arm.members(); j++) {
                TrainedModel m = fetch(request("member " + arm.name(), base.withSeed(memberSeed(i, j)), null), recorder);
                members.add(m);
                logits.add(Trainer.testLogits(m.network(), data));
            }
            double error = Metrics.ensembleError(logits, data.test().labels(), data.test().numClasses());
            int t = i / perTeacher();
            int j = i % perTeacher();
            seeds.add(new Arm.SeedResult(studentSeed(t, j), EpochMetrics.testErrorOnly(members.get(0).last().epoch(),
                    error), members, unit(t, j), null));
        }
        return new Arm(arm.name(), recipe, seeds, design().byTeacher(), List.of());
    }

    /** Member j of the ensemble of student i (i counts teachers' blocks in order: i = t * perTeacher + j). */
    private long memberSeed(int i, int j) {
        return seedBase + i + ENSEMBLE_SEED_STRIDE * j;
    }

    /** Replications per arm at this scale: teachers in a claim about teachers, else seeds. */
    private int units() {
        return runtime.profile().seeds(plan.seeds());
    }

    private ReplicationDesign design() {
        return plan.replication();
    }

    private int teachers() {
        return design().teachers(units());
    }

    private int perTeacher() {
        return design().studentsPerTeacher(units());
    }

    /** Students per arm. */
    private int students() {
        return teachers() * perTeacher();
    }

    private long studentSeed(int t, int j) {
        return design().studentSeed(seedBase, units(), t, j);
    }

    private long unit(int t, int j) {
        return design().unit(seedBase, units(), t, j);
    }

    /**
     * The spec of {@code arm}'s students (seed 0): trained alone or distilled. With {@code @LearningCurve}
     * the claim's own students are evaluated along the way, with that schedule in their keys; the
     * scratch students a premise adds are not, so they stay the models other claims' premises check
     * (ensemble members neither: an ensemble's error is that of the averaged prediction after training).
     */
    private TrainingSpec student(ArmPlan arm, boolean ofTheClaim) {
        TrainingSpec base = spec(arm.student(), 0);
        TrainingSpec s = arm.recipe() == Recipe.SCRATCH ? base : distilled(arm, base);
        return ofTheClaim && plan.learningCurve() > 0 ? s.withLearningCurve(plan.learningCurve()) : s;
    }

    private TrainingSpec distilled(ArmPlan arm, TrainingSpec base) {
        int until = arm.kdStop().at(ClaimPlan.epochsOrDefault(arm.student().paperEpochs()), runtime.profile());
        return base.withDistillation(arm.distillation(), until);
    }

    /** The training spec of a model at this scale: the paper's protocol shape over the scaled epochs. */
    private TrainingSpec spec(ModelPlan m, long seed) {
        ScaleProfile p = runtime.profile();
        int epochs = p.epochs(ClaimPlan.epochsOrDefault(m.paperEpochs()));
        return TrainingSpec.paperDefaults(p.scale(Architectures.parse(m.arch())), epochs, seed)
                .withBatchSize(p.batch()).withEvalEvery(p.evalEvery(epochs));
    }

    /**
     * A teacher: trained from scratch, or distilled (full KD) through its chain of ancestors, every model
     * of the chain with the teacher's seed (so a born-again chain started from seed s begins with scratch
     * teacher s, and pairs with it).
     */
    private Link teacherChain(ModelPlan t, long seed) {
        Link previous = null;
        for (String ancestor : t.from()) {
            previous = link(new ModelPlan(ancestor, t.paperEpochs(), ClaimPlan.Stop.NONE, List.of()), previous,
                    "ancestor", seed);
        }
        return link(t, previous, "teacher", seed);
    }

    private Link link(ModelPlan m, Link parent, String role, long seed) {
        TrainingSpec spec = spec(m, seed);
        if (parent != null) {
            spec = spec.withDistillation(plan.distillation(), spec.epochs());
        }
        int stop = m.stop().at(ClaimPlan.epochsOrDefault(m.paperEpochs()), runtime.profile());
        if (!CheckpointGrid.kept(stop, spec.epochs())) {
            throw new ExtensionConfigurationException(String.format(Locale.ROOT,
                    "Claim %s stops its %s teacher after epoch %d of %d, but a run of %d epochs keeps a checkpoint "
                            + "only every %d epochs: choose a stop on that grid (a multiple of %d epochs, e.g. "
                            + "@EarlyStopAt(fraction = %s))", plan.method().getName(), spec.architecture().name(), stop,
                    spec.epochs(), spec.epochs(), CheckpointGrid.step(spec.epochs()), CheckpointGrid.step(spec.epochs()),
                    (double) Math.max(1, Math.round((double) stop / CheckpointGrid.step(spec.epochs())))
                            * CheckpointGrid.step(spec.epochs()) / spec.epochs()));
        }
        return new Link(request(role, spec, parent), stop, parent);
    }

    private RunRequest request(String role, TrainingSpec spec, Link teacher) {
        String teacherKey = teacher == null ? null : teacher.teacherKey();
        return new RunRequest(ModelStore.key(spec, data, teacherKey), ModelStore.basis(spec, data, teacherKey), spec,
                plan.dataset(), role, teacher == null ? null : teacher.run().key(),
                teacher == null ? 0 : teacher.stopEpoch());
    }

    /** The teacher of a link, its ancestors recorded too, labelled with its chain and checkpoint. */
    private LoadedTeacher teacher(Link link, ClaimRecorder recorder) {
        TeacherNetwork parent = link.parent() == null ? null : teacher(link.parent(), recorder).network();
        TrainedModel model = fetch(link.run(), recorder);
        TeacherNetwork t = TeacherNetwork.of(model, link.run().key(), link.stopEpoch()).withCache(runtime.teacherLogits());
        String label = parent == null ? t.label() : t.label() + " distilled from " + parent.label();
        double testError = model.testError();
        if (link.stopEpoch() < model.spec().epochs()) {
            // the checkpoint's own test error, which the training curve may not have evaluated
            testError = checkpointError(link, t);
            label += String.format(Locale.ROOT, " (test error %.2f %%)", 100 * testError);
        }
        return new LoadedTeacher(new TeacherNetwork(t.network(), t.key(), label, t.cache(), t.orbits()), testError);
    }

    /** A teacher read from the store, and its own test error (a fraction) as the checkpoint its students learn from. */
    private record LoadedTeacher(TeacherNetwork network, double testError) {
    }

    /**
     * A run's model from the store, recorded once per claim; the claim event listeners hear of every
     * request and how it was answered (the Allure writer makes each one a step): trained in this
     * session (the first claim to read a run trained here says so), fetched from the store
     * (trained before, or already shown as trained), or unavailable.
     */
    private TrainedModel fetch(RunRequest run, ClaimRecorder recorder) {
        ClaimEvents events = runtime.events();
        String label = String.format(Locale.ROOT, "%s: %s", run.role(), run.spec().label());
        events.modelRequested(label);
        TrainingRunRecord record;
        TrainedModel m;
        boolean trainedHere;
        try {
            m = runtime.trained(run);
            trainedHere = runtime.firstUseOfRunTrainedHere(run.key());
            record = ClaimRecorder.record(run.role(), m, run.key(), !trainedHere);
            recorder.run(record);
        } catch (RuntimeException | Error e) {
            events.modelUnavailable(label, e);
            throw e;
        }
        if (trainedHere) {
            events.modelTrained(label, record);
        } else {
            events.modelFetched(label, record);
        }
        return m;
    }
}
