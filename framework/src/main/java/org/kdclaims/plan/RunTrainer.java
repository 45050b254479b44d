package org.kdclaims.plan;

/**
 * Trains one run of the plan, its teacher already trained, and keeps the result in the model
 * store. Throws when training fails (for example {@code TrainingDivergedException}); the executor
 * then fails that run and every run that needs it, and goes on with the rest.
 */
@FunctionalInterface
public interface RunTrainer {
    void train(RunRequest run) throws Exception;
}
