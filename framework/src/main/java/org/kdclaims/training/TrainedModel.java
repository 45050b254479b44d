package org.kdclaims.training;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

import org.kdclaims.data.ImageShape;

/**
 * A trained network with its learning curve and per-epoch checkpoints (parameters and running
 * statistics after each epoch), so that an early-stopped teacher at any epoch costs nothing extra.
 */
public final class TrainedModel {
    private final TrainingSpec spec;
    private final Network network;
    private final List<EpochMetrics> curve;
    private final TreeMap<Integer, Map<String, float[]>> checkpoints;
    private final double wallSeconds;
    private final String teacherKey;

    TrainedModel(TrainingSpec spec, Network network, List<EpochMetrics> curve,
            TreeMap<Integer, Map<String, float[]>> checkpoints, double wallSeconds, String teacherKey) {
        this.spec = spec;
        this.network = network;
        this.curve = List.copyOf(curve);
        this.checkpoints = checkpoints;
        this.wallSeconds = wallSeconds;
        this.teacherKey = teacherKey;
    }

    /** A model read back from the model store: the network is rebuilt and given its final state. */
    public static TrainedModel restore(TrainingSpec spec, ImageShape shape, List<EpochMetrics> curve,
            TreeMap<Integer, Map<String, float[]>> checkpoints, double wallSeconds, String teacherKey) {
        Network net = Network.create(spec.architecture(), shape, spec.seed(), spec.distillation());
        net.restore(checkpoints.lastEntry().getValue());
        return new TrainedModel(spec, net, curve, checkpoints, wallSeconds, teacherKey);
    }

    /** All checkpoints by epochs trained, for the model store. */
    public TreeMap<Integer, Map<String, float[]>> checkpoints() {
        return checkpoints;
    }

    public TrainingSpec spec() {
        return spec;
    }

    public Network network() {
        return network;
    }

    public List<EpochMetrics> curve() {
        return curve;
    }

    public EpochMetrics last() {
        return curve.get(curve.size() - 1);
    }

    public double testError() {
        return last().testError();
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    /** The key of the teacher this model was distilled from, or null. */
    public String teacherKey() {
        return teacherKey;
    }

    public double imagesPerSecond() {
        return curve.stream().mapToDouble(EpochMetrics::imagesPerSecond).average().orElse(Double.NaN);
    }

    /** Epochs (1-based count of epochs trained) for which a checkpoint exists. */
    public Set<Integer> checkpointEpochs() {
        return checkpoints.keySet();
    }

    /** The state after {@code epochsTrained} epochs. */
    public Map<String, float[]> checkpoint(int epochsTrained) {
        Map<String, float[]> c = checkpoints.get(epochsTrained);
        if (c == null) {
            throw new IllegalArgumentException("no checkpoint after epoch " + epochsTrained + " of " + spec.label()
                    + "; available: " + checkpoints.keySet());
        }
        return c;
    }
}
