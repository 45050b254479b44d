package org.kdclaims.plan;

import java.util.Map;

/**
 * Runs a plan's training runs, each only after the run it learns from. The one seam for scale-out:
 * the local executor fills this machine's cores; an executor on a cluster (framework/README.md,
 * "Running the plan on a cluster") submits one task per run and shares the model store.
 */
public interface Executor {
    /** Trains every run of {@code plan} that is not stored; returns every run's outcome by key. */
    Map<String, RunOutcome> execute(SuitePlan plan, RunTrainer trainer, SuiteProgress progress);

    /** For the plan's printout, e.g. "local: 2 workers x 1 thread". */
    String describe();
}
