package org.kdclaims.plan;

/** How one run of the plan ended. {@code error} is set for FAILED and BLOCKED. */
public record RunOutcome(String key, Status status, Throwable error, double seconds) {

    public enum Status {
        /** Already in the model store when the plan was made. */
        STORED,
        /** Trained by this suite. */
        TRAINED,
        /** Training threw (diverged, interrupted, out of memory...). */
        FAILED,
        /** Not trained because a run it depends on failed. */
        BLOCKED
    }

    public boolean ok() {
        return status == Status.STORED || status == Status.TRAINED;
    }
}
