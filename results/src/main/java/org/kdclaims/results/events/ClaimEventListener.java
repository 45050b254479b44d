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
 * model the invocation reads {@link #modelRequested} followed by one of {@link #modelFetched},
 * {@link #modelTrained} or {@link #modelUnavailable} (never nested), then {@link #claimFinished} unless the invocation
 * ended without a result (it failed before its arms were built, or it was an undecided look of
 * adaptive seeds). A listener that throws is logged and skipped; it cannot change a claim's
 * outcome. Every method does nothing by default.
 */
public interface ClaimEventListener {

    /** A claim invocation begins (before its arms are read from the model store). */
    default void claimStarted(ClaimStart claim) {
    }

    /**
     * The claim asks for a training run's model (from the model store, where the suite's plan put
     * it; a model lost since the plan is trained again before the answer). {@code label} is e.g.
     * "teacher: WRN16-3 seed 1".
     */
    default void modelRequested(String label) {
    }

    /**
     * The requested model came from the model store: trained before this session, or already shown
     * as trained by another claim of it. {@code run} is its record (as in the claim's result, with
     * {@link TrainingRunRecord#fromCache()} true).
     */
    default void modelFetched(String label, TrainingRunRecord run) {
    }

    /**
     * The requested model was trained in this session, and this claim is the first to read it.
     * {@code run} is its record (as in the claim's result, with {@link TrainingRunRecord#fromCache()} false).
     */
    default void modelTrained(String label, TrainingRunRecord run) {
    }

    /** The requested model is not there: its training failed, or it was never planned. */
    default void modelUnavailable(String label, Throwable error) {
    }

    /** The claim invocation's result, after it was written to the results store. */
    default void claimFinished(ClaimResult result) {
    }
}
