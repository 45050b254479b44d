package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.qameta.allure.Allure;
import org.kdclaims.api.Arm;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.extension.ClaimPlan.ArmPlan;
import org.kdclaims.extension.ClaimPlan.Recipe;
import org.kdclaims.models.Architectures;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.ProgressListener;
import org.kdclaims.training.Teacher;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.training.TrainingData;
import org.kdclaims.training.TrainingSpec;

/**
 * Trains one arm over the claim's seeds at the run's scale, through the model store: teachers
 * are trained once (seed = the claim's seed base, recorded) and shared by every arm and claim
 * that names them; each student seed is its own model. Every training is an Allure step.
 */
final class ArmTrainer {
    private final ClaimPlan plan;
    private final ExperimentRuntime runtime;
    private final ClaimRecorder recorder;

    ArmTrainer(ClaimPlan plan, ExperimentRuntime runtime, ClaimRecorder recorder) {
        this.plan = plan;
        this.runtime = runtime;
        this.recorder = recorder;
    }

    Arm train(ArmPlan arm) {
        ScaleProfile p = runtime.profile();
        TrainingData data = runtime.data(plan.dataset());
        int seeds = p.seeds(plan.seeds());
        int paperEpochs = ClaimPlan.epochsOrDefault(arm.student().epochs());
        int epochs = p.epochs(paperEpochs);
        TrainingSpec base = TrainingSpec.paperDefaults(p.scale(Architectures.parse(arm.student().arch())), epochs, 0);
        base = new TrainingSpec(base.architecture(), base.epochs(), base.batchSize(), base.learningRate(), base.lrDecay(),
                base.lrMilestones(), base.momentum(), base.weightDecay(), 0, null, epochs, p.evalEvery(epochs));
        Teacher teacher = null;
        String recipe = base.architecture().name() + " from scratch";
        if (arm.recipe() != Recipe.SCRATCH) {
            teacher = teacher(arm, data);
            int until = arm.recipe() == Recipe.ESKD ? stopEpoch(arm, paperEpochs, p) : epochs;
            base = base.withDistillation(plan.distillation(), until);
            recipe = base.architecture().name() + (arm.recipe() == Recipe.ESKD ? " ESKD (KD until epoch " + until + ")" : " full KD")
                    + " from " + teacher.label();
            recorder.parameter(arm.name(), recipe);
        } else {
            recorder.parameter(arm.name(), recipe);
        }
        List<TrainedModel> runs = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            TrainingSpec spec = base.withSeed(plan.seedBase() + i);
            runs.add(trainOne("student " + arm.name(), spec, data, teacher).model());
        }
        return new Arm(arm.name(), recipe, runs, recorder);
    }

    private Teacher teacher(ArmPlan arm, TrainingData data) {
        ScaleProfile p = runtime.profile();
        int epochs = p.epochs(ClaimPlan.epochsOrDefault(arm.teacher().epochs()));
        TrainingSpec spec = TrainingSpec.paperDefaults(p.scale(Architectures.parse(arm.teacher().arch())), epochs,
                plan.seedBase());
        spec = new TrainingSpec(spec.architecture(), spec.epochs(), spec.batchSize(), spec.learningRate(), spec.lrDecay(),
                spec.lrMilestones(), spec.momentum(), spec.weightDecay(), spec.seed(), null, epochs, p.evalEvery(epochs));
        ModelStore.Lookup found = trainOne("teacher", spec, data, null);
        return Teacher.of(found.model(), found.key(), epochs);
    }

    private static int stopEpoch(ArmPlan arm, int paperEpochs, ScaleProfile p) {
        if (arm.stop().epoch() >= 0) {
            return p.epochAt(arm.stop().epoch(), paperEpochs);
        }
        return Math.max(1, (int) Math.round(arm.stop().fraction() * p.epochs(paperEpochs)));
    }

    private ModelStore.Lookup trainOne(String role, TrainingSpec spec, TrainingData data, Teacher teacher) {
        String teacherKey = teacher == null ? null : teacher.key();
        String key = ModelStore.key(spec, data, teacherKey);
        return Allure.step(String.format(Locale.ROOT, "%s: %s", role, spec.label()), step -> {
            ModelStore.Lookup found = runtime.models().getOrTrain(key, ModelStore.basis(spec, data, teacherKey),
                    () -> Trainer.train(spec, data, teacher, ProgressListener.console(role)));
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
