package org.kdclaims.plan;

import java.util.Locale;

import org.kdclaims.data.DataSetId;
import org.kdclaims.training.TrainingSpec;

/**
 * One training run of the suite, identified by its model key: what to train, on which data, and
 * the teacher checkpoint it learns from (the run with key {@code parentKey}, taken after
 * {@code parentEpoch} epochs; none for a model trained from scratch).
 *
 * @param role what the model is for, e.g. "teacher", "student fromLarge", "member ensemble"
 */
public record RunRequest(String key, String basis, TrainingSpec spec, DataSetId data, String role,
        String parentKey, int parentEpoch) {

    public boolean hasParent() {
        return parentKey != null;
    }

    /**
     * The teacher checkpoint as the model key names it ({@code parentKey@parentEpoch}), null without
     * a teacher: a worker that recomputes the key from the request needs the same text.
     */
    public String teacherCheckpoint() {
        return parentKey == null ? null : parentKey + "@" + parentEpoch;
    }

    /** e.g. "wrn-10-8 seed 1 (teacher)". */
    public String label() {
        return String.format(Locale.ROOT, "%s (%s)", spec.label(), role);
    }
}
