package org.kdclaims.extension;

import java.util.ArrayList;
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
import org.kdclaims.training.TrainingData;
import org.kdclaims.training.TrainingSpec;
import java.util.Arrays;

/**
 * The models behind a claim invocation's arms, in two steps that share one definition: {@link #runs}
 * lists the training runs (for the suite plan, before anything trains), and {@link #assemble} builds
 * an {@link Arm} from those runs once they are in the model store. A teacher is one model (seed =
 * the claim's seed base) with a checkpoint per epoch, shared by every arm and claim that names it,
 * fully trained or stopped early; each student seed is its own model. Seeds start at the claim's
 * seed base, or at {@code -Dkd.seedBase} for a fresh-seed replication (teachers included). A claim
 * that checks {@link Premise#TEACHERS_BEAT_SCRATCH} (or its fully-trained variant) without a {@code @Scratch} arm gets scratch
 * students planned and trained for the check (the same models as such an arm, so never twice).
 */
final class ArmModels {
    static final long ENSEMBLE_SEED_STRIDE = 1000;
    private final ClaimPlan plan;
    private final ExperimentRuntime runtime;
    private final TrainingData data;
    private final long seedBase;

    ArmModels(ClaimPlan plan, ExperimentRuntime runtime) {
        this.plan = plan;
        this.runtime = runtime;
        this.data = runtime.data(plan.dataset());
        this.seedBase = plan.seedBase(runtime.settings());
    }

    /** What the premise check needs: each teacher's numbers, and the scratch students' mean test error by architecture. */
    record PremiseFacts(List<PremiseCheck.TeacherFacts> teachers, Map<String, Double> scratchError) {
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
        arms.addAll(scratchBaselines());
        for (ArmPlan arm : arms) {
            TrainingSpec base = spec(arm.student(), 0);
            if (arm.recipe() == Recipe.ENSEMBLE) {
                for (int i = 0; i < seeds(); i++) {
                    for (int j = 0; j < arm.members(); j++) {
                        runs.add(request("member " + arm.name(), base.withSeed(memberSeed(i, j)), null));
                    }
                }
                continue;
            }
            Link teacher = null;
            if (arm.recipe() != Recipe.SCRATCH) {
                teacher = teacherChain(arm.teacher());
                for (Link l = teacher; l != null; l = l.parent()) {
                    runs.add(0, l.run());
                }
                base = distilled(arm, base);
            }
            for (int i = 0; i < seeds(); i++) {
                runs.add(request("student " + arm.name(), base.withSeed(seedBase + i), teacher));
            }
        }
        return runs;
    }

    /**
     * The students trained alone that {@link Premise#TEACHERS_BEAT_SCRATCH} compares teachers with: one
     * scratch arm per student architecture of the distilled arms (none unless the premise is declared).
     */
    private List<ArmPlan> scratchBaselines() {
        if (!plan.premises().contains(Premise.TEACHERS_BEAT_SCRATCH)
                && !plan.premises().contains(Premise.FULLY_TRAINED_TEACHERS_BEAT_SCRATCH)) {
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
        for (ArmPlan b : scratchBaselines()) {
            double[] errors = assemble(b, recorder).testError().values();
            scratch.put(b.student().arch(), Arrays.stream(errors).average().orElse(Double.NaN));
        }
        List<PremiseCheck.TeacherFacts> teachers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ArmPlan arm : plan.arms()) {
            if (arm.teacher() == null) {
                continue;
            }
            Link link = teacherChain(arm.teacher());
            if (!seen.add(link.teacherKey() + " " + arm.student().arch())) {
                continue;
            }
            TrainedModel m = fetch(link.run(), recorder);
            int[] decays = m.spec().schedule().milestones();
            boolean stopped = link.stopEpoch() < m.spec().epochs();
            String label = m.spec().architecture().name() + (stopped ? " stopped after " + link.stopEpoch() + " epochs" : "");
            // the teacher is the checkpoint the students learn from, not the model trained to the end
            double testError = stopped ? Trainer.testError(teacher(link, recorder), data) : m.testError();
            double trainError = m.curve().get(link.stopEpoch() - 1).trainError();
            boolean self = arm.teacher().arch().equals(arm.student().arch());
            teachers.add(new PremiseCheck.TeacherFacts(label, arm.student().arch(), 100 * testError,
                    100 * trainError, link.stopEpoch(), m.spec().epochs(), decays.length == 0 ? -1 : decays[0], self,
                    100 * m.testError(), 100 * m.last().trainError()));
        }
        return new PremiseFacts(teachers, scratch);
    }

    /** The arm built from stored models; a model that is not there fails with the reason the suite gave. */
    Arm assemble(ArmPlan arm, ClaimRecorder recorder) {
        TrainingSpec base = spec(arm.student(), 0);
        if (arm.recipe() == Recipe.ENSEMBLE) {
            return ensemble(arm, base, recorder);
        }
        Link link = null;
        TeacherNetwork teacher = null;
        String recipe = base.architecture().name() + " from scratch";
        if (arm.recipe() != Recipe.SCRATCH) {
            link = teacherChain(arm.teacher());
            teacher = teacher(link, recorder);
            base = distilled(arm, base);
            recipe = base.architecture().name() + (arm.recipe() == Recipe.ESKD ? " ESKD (KD until epoch "
                    + base.kdUntilEpoch() + ")" : " full KD") + " from " + teacher.label();
        }
        recorder.parameter(arm.name(), recipe);
        List<Arm.SeedResult> seeds = new ArrayList<>();
        for (int i = 0; i < seeds(); i++) {
            TrainedModel m = fetch(request("student " + arm.name(), base.withSeed(seedBase + i), link), recorder);
            seeds.add(new Arm.SeedResult(m.spec().seed(), m.last(), List.of(m)));
        }
        return new Arm(arm.name(), recipe, seeds);
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
        for (int i = 0; i < seeds(); i++) {
            List<TrainedModel> members = new ArrayList<>();
            List<float[]> logits = new ArrayList<>();
            for (int j = 0; j < arm.members(); j++) {
                TrainedModel m = fetch(request("member " + arm.name(), base.withSeed(memberSeed(i, j)), null), recorder);
                members.add(m);
                logits.add(Trainer.testLogits(m.network(), data));
            }
            double error = Metrics.ensembleError(logits, data.test().labels(), data.test().numClasses());
            seeds.add(new Arm.SeedResult(seedBase + i, EpochMetrics.testErrorOnly(members.get(0).last().epoch(),
                    error), members));
        }
        return new Arm(arm.name(), recipe, seeds);
    }

    private long memberSeed(int i, int j) {
        return seedBase + i + ENSEMBLE_SEED_STRIDE * j;
    }

    private int seeds() {
        return runtime.profile().seeds(plan.seeds());
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

    /** A teacher: trained from scratch, or distilled (full KD) through its chain of ancestors. */
    private Link teacherChain(ModelPlan t) {
        Link previous = null;
        for (String ancestor : t.from()) {
            previous = link(new ModelPlan(ancestor, t.paperEpochs(), ClaimPlan.Stop.NONE, List.of()), previous,
                    "ancestor");
        }
        return link(t, previous, "teacher");
    }

    private Link link(ModelPlan m, Link parent, String role) {
        TrainingSpec spec = spec(m, seedBase);
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
    private TeacherNetwork teacher(Link link, ClaimRecorder recorder) {
        TeacherNetwork parent = link.parent() == null ? null : teacher(link.parent(), recorder);
        TrainedModel model = fetch(link.run(), recorder);
        TeacherNetwork t = TeacherNetwork.of(model, link.run().key(), link.stopEpoch()).withCache(runtime.teacherLogits());
        String label = parent == null ? t.label() : t.label() + " distilled from " + parent.label();
        if (link.stopEpoch() < model.spec().epochs()) {
            // the checkpoint's own test error, which the training curve may not have evaluated
            label += String.format(Locale.ROOT, " (test error %.2f %%)", 100 * Trainer.testError(t, data));
        }
        return new TeacherNetwork(t.network(), t.key(), label, t.cache());
    }

    /**
     * A run's model from the store, recorded once per claim; the claim event listeners hear of every
     * fetch (the Allure writer makes each one a step).
     */
    private TrainedModel fetch(RunRequest run, ClaimRecorder recorder) {
        ClaimEvents events = runtime.events();
        String label = String.format(Locale.ROOT, "%s: %s", run.role(), run.spec().label());
        events.trainingRunStarted(label);
        TrainingRunRecord record;
        TrainedModel m;
        try {
            m = runtime.trained(run);
            record = ClaimRecorder.record(run.role(), m, run.key(), !runtime.firstUseOfRunTrainedHere(run.key()));
            recorder.run(record);
        } catch (RuntimeException | Error e) {
            events.trainingRunFailed(label, e);
            throw e;
        }
        events.trainingRunFinished(label, record);
        return m;
    }
}
