package org.kdclaims.plan;

import org.kdclaims.training.RunJournal;

/**
 * Where the framework's own tests step into training, to make a run diverge or a suite die in the
 * middle of a run without waiting for a real NaN or a real kill, or to damage the model store once
 * the plan is made. Production uses {@link #NONE}.
 */
public interface TrainingHooks {
    TrainingHooks NONE = new TrainingHooks() {
    };

    default RunTrainer wrap(RunTrainer trainer) {
        return trainer;
    }

    default RunJournal journal(RunRequest run, RunJournal journal) {
        return journal;
    }

    /** The plan is made (stored runs verified), before anything trains or a claim reads a model. */
    default void planMade(SuitePlan plan) {
    }
}
