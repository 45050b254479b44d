package org.kdclaims.spark;

import java.io.Serializable;

import org.kdclaims.plan.RunOutcome;

/**
 * What a Spark task sends back to the driver about its run: plain values, since a training error
 * may be of a class the driver cannot deserialise; the driver turns it into the framework's
 * {@link RunOutcome}.
 *
 * @param trained true when this task trained the model (false: it found it in the store, written
 *     by another driver or an earlier attempt)
 * @param resumedFromEpoch the epochs the run's journal held when the task started (0: a fresh start)
 * @param error the failure with its stack trace, null unless FAILED
 */
public record TaskResult(String key, boolean ok, boolean trained, int resumedFromEpoch, double seconds,
        String executor, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The framework's outcome of this task's run; a failure carries the executor's stack trace as its message. */
    public RunOutcome outcome() {
        return ok ? new RunOutcome(key, RunOutcome.Status.TRAINED, null, seconds)
                : new RunOutcome(key, RunOutcome.Status.FAILED, new RemoteRunException(error), seconds);
    }

    /** A run's failure on an executor, as the driver sees it. */
    public static final class RemoteRunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RemoteRunException(String message) {
            super(message);
        }
    }
}
