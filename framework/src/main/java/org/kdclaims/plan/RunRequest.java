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

    /** The role of an orbit pass: the teacher checkpoint's outputs on every augmented view ({@code TeacherOrbit}). */
    public static final String ORBIT = "orbit";
    /** The role of an orbit pass that keeps the teacher's attention maps too. */
    public static final String ORBIT_WITH_MAPS = "orbit with attention maps";

    public boolean hasParent() {
        return parentKey != null;
    }

    /** Whether this is an orbit pass of checkpoint {@code parentEpoch} of {@code parentKey}, not a training run. */
    public boolean isOrbit() {
        return role.equals(ORBIT) || role.equals(ORBIT_WITH_MAPS);
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
