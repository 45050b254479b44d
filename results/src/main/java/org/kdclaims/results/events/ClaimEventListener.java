package org.kdclaims.results.events;

import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TrainingRunRecord;

/**
 * What the framework tells others while a claim invocation runs, so that it never writes a report
 * itself. Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.kdclaims.results.events.ClaimEventListener} file) and need a public
 * no-argument constructor; the reports module's Allure writer is one.
 *
 * <p>For one invocation the calls come in this order, all on the thread that runs the claim's test
 * method (where a test framework keeps its per-test context): {@link #claimStarted}, then for each
 * model the invocation reads {@link #trainingRunStarted} followed by {@link #trainingRunFinished} or
 * {@link #trainingRunFailed} (never nested), then {@link #claimFinished} unless the invocation
 * ended without a result (it failed before its arms were built, or it was an undecided look of
 * adaptive seeds). A listener that throws is logged and skipped; it cannot change a claim's
 * outcome. Every method does nothing by default.
 */
public interface ClaimEventListener {

    /** A claim invocation begins (before its arms are read from the model store). */
    default void claimStarted(ClaimStart claim) {
    }

    /**
     * A training run's model is being fetched for the claim (from the model store, where the
     * suite's plan put it). {@code label} is e.g. "teacher: WRN16-3 seed 1".
     */
    default void trainingRunStarted(String label) {
    }

    /** The run started with {@code label} is there: {@code run} is its record (as in the claim's result). */
    default void trainingRunFinished(String label, TrainingRunRecord run) {
    }

    /** The run started with {@code label} is not there (its training failed, or it was never planned). */
    default void trainingRunFailed(String label, Throwable error) {
    }

    /** The claim invocation's result, after it was written to the results store. */
    default void claimFinished(ClaimResult result) {
    }
}
