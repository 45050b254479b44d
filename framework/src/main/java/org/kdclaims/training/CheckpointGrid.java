package org.kdclaims.training;

/**
 * Which epochs of a run keep a checkpoint (an early-stopped teacher is one of them). Every epoch
 * of a run of at most {@value #MAX_CHECKPOINTS} epochs; in a longer run every
 * {@code ceil(epochs / MAX_CHECKPOINTS)}-th epoch and the last, so that a 100-epoch WRN-10-8 keeps
 * 20 checkpoints (about 400 MB), not 100 (2 GB, more than a worker's heap). A fixed rule of the
 * run's length, never of the claims that use it, so a stored model serves every claim that asks
 * for a stop on the grid, and one that asks for another stop is told which it can have.
 */
public final class CheckpointGrid {
    public static final int MAX_CHECKPOINTS = 20;

    private CheckpointGrid() {
    }

    /** Epochs between kept checkpoints in a run of {@code epochs} epochs. */
    public static int step(int epochs) {
        return Math.max(1, (epochs + MAX_CHECKPOINTS - 1) / MAX_CHECKPOINTS);
    }

    /** Whether the checkpoint after {@code epochsTrained} epochs of {@code epochs} is kept. */
    public static boolean kept(int epochsTrained, int epochs) {
        return epochsTrained == epochs || epochsTrained % step(epochs) == 0;
    }
}
