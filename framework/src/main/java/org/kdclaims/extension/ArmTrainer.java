package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.qameta.allure.Allure;
import org.kdclaims.api.Arm;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.extension.ClaimPlan.ArmPlan;
import org.kdclaims.extension.ClaimPlan.ModelPlan;
import org.kdclaims.extension.ClaimPlan.Recipe;
import org.kdclaims.models.Architectures;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.Metrics;
import org.kdclaims.training.ProgressListener;
import org.kdclaims.training.Teacher;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.training.TrainingData;
import org.kdclaims.training.TrainingSpec;

/**
 * Trains one arm over the claim's seeds at the run's scale, through the model store: a teacher is
 * trained once (seed = the claim's seed base, recorded) with a checkpoint per epoch, and shared by
 * every arm and claim that names it, fully trained or stopped early; each student seed is its own
 * model. Every training is an Allure step.
 */
final class ArmTrainer {
    static final long ENSEMBLE_SEED_STRIDE = 1000;
    private final ClaimPlan plan;
    private final ExperimentRuntime runtime;
    private final ClaimRecorder recorder;

    ArmTrainer(ClaimPlan plan, ExperimentRuntime runtime, ClaimRecorder recorder) {
        this.plan = plan;
        this.runtime = runtime;
        this.recorder = recorder;
    }

    Arm train(ArmPlan arm) {
        TrainingData data = runtime.data(plan.dataset());
        TrainingSpec base = spec(arm.student(), 0);
        if (arm.recipe() == Recipe.ENSEMBLE) {
            return ensemble(arm, base, data);
        }
        Teacher teacher = null;
        String recipe = base.architecture().name() + " from scratch";
        if (arm.recipe() != Recipe.SCRATCH) {
            teacher = teacher(arm.teacher(), data);
            int until = arm.kdStop().at(ClaimPlan.epochsOrDefault(arm.student().paperEpochs()), runtime.profile());
            base = base.withDistillation(plan.distillation(), until);
            recipe = base.architecture().name() + (arm.recipe() == Recipe.ESKD ? " ESKD (KD until epoch " + until + ")"
                    : " full KD") + " from " + teacher.label();
        }
        recorder.parameter(arm.name(), recipe);
        List<Arm.SeedResult> seeds = new ArrayList<>();
        for (int i = 0; i < runtime.profile().seeds(plan.seeds()); i++) {
            TrainedModel m = trainOne("student " + arm.name(), base.withSeed(plan.seedBase() + i), data, teacher).model();
            seeds.add(new Arm.SeedResult(m.spec().seed(), m.last(), List.of(m)));
        }
        return new Arm(arm.name(), recipe, seeds, recorder);
    }

    /**
     * Seed i of an ensemble arm is the average prediction of members trained from scratch with
     * seeds {@code seedBase + i + ENSEMBLE_SEED_STRIDE * j}, j = 0..members-1. Member 0 is the
     * scratch model of seed i, so a claim that also has a scratch arm shares it (one training less).
     */
    private Arm ensemble(ArmPlan arm, TrainingSpec base, TrainingData data) {
        String recipe = "ensemble of " + arm.members() + " " + base.architecture().name() + " trained from scratch";
        recorder.parameter(arm.name(), recipe);
        List<Arm.SeedResult> seeds = new ArrayList<>();
        for (int i = 0; i < runtime.profile().seeds(plan.seeds()); i++) {
            List<TrainedModel> members = new ArrayList<>();
            List<float[]> logits = new ArrayList<>();
            for (int j = 0; j < arm.members(); j++) {
                TrainedModel m = trainOne("member " + arm.name(),
                        base.withSeed(plan.seedBase() + i + ENSEMBLE_SEED_STRIDE * j), data, null).model();
                members.add(m);
                logits.add(Trainer.testLogits(m.network(), data));
            }
            double error = Metrics.ensembleError(logits, data.test().labels(), data.test().numClasses());
            EpochMetrics last = members.get(0).last();
            EpochMetrics ensembleMetrics = new EpochMetrics(last.epoch(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, error, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            seeds.add(new Arm.SeedResult(plan.seedBase() + i, ensembleMetrics, members));
        }
        return new Arm(arm.name(), recipe, seeds, recorder);
    }

    /** The training spec of a model at this scale: the paper's protocol shape over the scaled epochs. */
    private TrainingSpec spec(ModelPlan m, long seed) {
        ScaleProfile p = runtime.profile();
        int epochs = p.epochs(ClaimPlan.epochsOrDefault(m.paperEpochs()));
        TrainingSpec d = TrainingSpec.paperDefaults(p.scale(Architectures.parse(m.arch())), epochs, seed);
        return new TrainingSpec(d.architecture(), epochs, d.batchSize(), d.learningRate(), d.lrDecay(), d.lrMilestones(),
                d.momentum(), d.weightDecay(), seed, null, epochs, p.evalEvery(epochs));
    }

    /**
     * The teacher, trained from scratch or distilled (full KD) through its chain of ancestors, each
     * link trained once through the store; then its checkpoint at the stop point.
     */
    private Teacher teacher(ModelPlan t, TrainingData data) {
        Teacher previous = null;
        for (String ancestor : t.from()) {
            previous = link(new ModelPlan(ancestor, t.paperEpochs(), ClaimPlan.Stop.NONE, List.of()), data, previous,
                    "ancestor");
        }
        return link(t, data, previous, "teacher");
    }

    /** One model of a teacher chain: distilled (full KD) from {@code parent} if any, taken at its stop point. */
    private Teacher link(ModelPlan m, TrainingData data, Teacher parent, String role) {
        TrainingSpec spec = spec(m, plan.seedBase());
        if (parent != null) {
            spec = spec.withDistillation(plan.distillation(), spec.epochs());
        }
        ModelStore.Lookup found = trainOne(role, spec, data, parent);
        int stop = m.stop().at(ClaimPlan.epochsOrDefault(m.paperEpochs()), runtime.profile());
        Teacher t = Teacher.of(found.model(), found.key(), stop).withCache(runtime.teacherLogits());
        String label = parent == null ? t.label() : t.label() + " distilled from " + parent.label();
        if (stop < spec.epochs()) {
            // the checkpoint's own test error, which the training curve may not have evaluated
            label += String.format(Locale.ROOT, " (test error %.2f %%)", 100 * Trainer.testError(t, data));
        }
        return new Teacher(t.network(), t.key(), label, t.cache());
    }

    private ModelStore.Lookup trainOne(String role, TrainingSpec spec, TrainingData data, Teacher teacher) {
        String teacherKey = teacher == null ? null : teacher.key();
        String key = ModelStore.key(spec, data, teacherKey);
        return Allure.step(String.format(Locale.ROOT, "%s: %s", role, spec.label()), step -> {
            ModelStore.Lookup found = runtime.models().getOrTrain(key, ModelStore.basis(spec, data, teacherKey),
                    () -> Trainer.train(spec, data, teacher, ProgressListener.console(role),
                            runtime.models().journal(key)));
            TrainedModel m = found.model();
            step.parameter("model key", key);
            step.parameter("source", found.source().name().toLowerCase(Locale.ROOT));
            step.parameter("epochs", spec.epochs());
            step.parameter("test error %", String.format(Locale.ROOT, "%.2f", 100 * m.testError()));
            step.parameter("wall s", String.format(Locale.ROOT, "%.1f", m.wallSeconds()));
            recorder.run(role, m, key, found.fromStore());
            return found;
        });
    }
}
