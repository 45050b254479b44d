package org.kdclaims.plan;

import java.util.function.Function;
import java.util.function.Supplier;

import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.io.Console;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.ProgressListener;
import org.kdclaims.training.TeacherLogitCache;
import org.kdclaims.training.TeacherNetwork;
import org.kdclaims.training.TeacherOrbits;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;

/**
 * How a planned run is trained: on its data, from its teacher's checkpoint, into the model store
 * (resumable through its journal), with progress per epoch, the teacher's logits shared through one
 * cache per session. The session decides where a teacher's model comes from ({@link Parents}: the
 * store, or trained again when it was lost after the plan).
 */
public final class StoreTrainer implements RunTrainer {
    /** The trained model of a run the plan holds, by key; {@code label} names it in messages. */
    public interface Parents {
        TrainedModel trained(String key, String label);
    }

    private final ModelStore models;
    private final Function<DataSetId, TrainingData> data;
    private final Parents parents;
    private final TeacherLogitCache teacherLogits;
    private final TeacherOrbits orbits;
    private final Supplier<TrainingHooks> hooks;

    /**
     * {@code teacherLogitBytes}: memory for shared teacher logits, 0 for none; {@code orbitBytes}:
     * memory for teacher orbit tables (kept in the model store too), 0 for none; {@code hooks}: read
     * per run, so that a test can step in after the session started.
     */
    public StoreTrainer(ModelStore models, Function<DataSetId, TrainingData> data, Parents parents,
            long teacherLogitBytes, long orbitBytes, Supplier<TrainingHooks> hooks) {
        this.models = models;
        this.data = data;
        this.parents = parents;
        this.teacherLogits = new TeacherLogitCache(teacherLogitBytes);
        this.orbits = orbitBytes > 0 ? new TeacherOrbits(orbitBytes, models.orbits()) : TeacherOrbits.off();
        this.hooks = hooks;
    }

    @Override
    public void train(RunRequest run) throws Exception {
        TrainingHooks h = hooks.get();
        h.wrap(r -> trainPlain(r, h)).train(run);
    }

    private void trainPlain(RunRequest run, TrainingHooks h) {
        TrainingData d = data.apply(run.data());
        if (run.isOrbit()) {
            // the teacher checkpoint's table, computed into the store (and kept in memory for its students)
            TrainedModel parent = parents.trained(run.parentKey(), run.label());
            TeacherNetwork teacher = TeacherNetwork.of(parent, run.parentKey(), run.parentEpoch());
            if (orbits.orbit(teacher, d, run.role().equals(RunRequest.ORBIT_WITH_MAPS)) == null) {
                throw new IllegalStateException("no orbit table applies to " + teacher.label()
                        + " (the plan should not have asked for one); its students run it on the fly");
            }
            return;
        }
        TeacherNetwork teacher = null;
        if (run.hasParent()) {
            TrainedModel parent = parents.trained(run.parentKey(), run.label());
            teacher = TeacherNetwork.of(parent, run.parentKey(), run.parentEpoch()).withCache(teacherLogits)
                    .withOrbits(orbits);
        }
        TeacherNetwork t = teacher;
        models.getOrTrain(run.key(), run.basis(), () -> Trainer.train(run.spec(), d, t,
                ProgressListener.console(run.role()), h.journal(run, models.journal(run.key()))));
    }

    /** The session's teacher orbit tables. */
    public TeacherOrbits orbits() {
        return orbits;
    }

    /** The session's shared teacher logits, also for evaluating teacher checkpoints. */
    public TeacherLogitCache teacherLogits() {
        return teacherLogits;
    }

    /** Says what the shared teacher logits saved, once the session ends. */
    public void printStatistics() {
        if (teacherLogits.enabled()) {
            Console.line("[kd] teacher logits: " + teacherLogits.stats());
        }
        if (orbits.enabled()) {
            Console.line("[kd] teacher orbit tables: " + orbits.stats());
        }
    }
}
