package org.kdclaims.training;

/**
 * A network in evaluation mode that provides soft targets, identified by the key of the model and
 * the epoch of the checkpoint it was taken from (early-stopped teachers are checkpoints). Its
 * outputs are shared by its students through its orbit table ({@link TeacherOrbits}) where one
 * applies, else through the per-epoch {@link TeacherLogitCache}.
 */
public record TeacherNetwork(Network network, String key, String label, TeacherLogitCache cache,
        TeacherOrbits orbits) {
    public TeacherNetwork(Network network, String key, String label) {
        this(network, key, label, TeacherLogitCache.disabled(), TeacherOrbits.off());
    }

    /** The same teacher, sharing its per-epoch logits through {@code c}. */
    public TeacherNetwork withCache(TeacherLogitCache c) {
        return new TeacherNetwork(network, key, label, c, orbits);
    }

    /** The same teacher, its students looking their batches up in its orbit table from {@code o}. */
    public TeacherNetwork withOrbits(TeacherOrbits o) {
        return new TeacherNetwork(network, key, label, cache, o);
    }

    /** Evaluation-mode logits of the teacher for a batch: the same augmented images the student sees. */
    public float[] logits(float[] features, int n) {
        return network.logits(features, n);
    }

    /** Logits, and the attention maps at every attention point into {@code maps}. */
    public float[] logits(float[] features, int n, float[][] maps) {
        return network.logits(features, n, maps);
    }

    /** The teacher of a finished model after {@code epochsTrained} epochs (its final state if equal to all). */
    public static TeacherNetwork of(TrainedModel model, String modelKey, int epochsTrained) {
        TrainingSpec s = model.spec();
        if (epochsTrained == s.epochs()) {
            return new TeacherNetwork(model.network(), modelKey + "@" + epochsTrained, s.architecture().name());
        }
        Network n = Network.create(s.architecture(), model.network().shape(), s.seed(), null);
        n.restore(model.checkpoint(epochsTrained));
        return new TeacherNetwork(n, modelKey + "@" + epochsTrained,
                s.architecture().name() + " stopped at epoch " + epochsTrained);
    }
}
