package org.kdclaims.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a run in progress keeps its last finished epoch, so that an interrupted run resumes from
 * it instead of starting again. The model store keeps one per model key on disk.
 */
public interface RunJournal {
    /** Everything needed to continue a run exactly: curve, checkpoints, optimizer state, iterations. */
    record Progress(List<EpochMetrics> curve, TreeMap<Integer, Map<String, float[]>> checkpoints,
            Map<String, float[]> optimizer, int iterations, double wallSeconds) {
    }

    Optional<Progress> load();

    void save(Progress progress);

    /** The run finished: its progress is no longer needed. */
    void finished();

    /** No journal: an interrupted run starts again. */
    static RunJournal none() {
        return new RunJournal() {
            @Override
            public Optional<Progress> load() {
                return Optional.empty();
            }

            @Override
            public void save(Progress progress) {
            }

            @Override
            public void finished() {
            }
        };
    }
}
