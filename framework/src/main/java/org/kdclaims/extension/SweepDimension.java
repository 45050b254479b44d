package org.kdclaims.extension;

import org.kdclaims.extension.ClaimPlan.ArmPlan;
import org.kdclaims.extension.ClaimPlan.Stop;

/**
 * What a {@code @Sweep} varies (issue 14: an enum, not strings). {@link #key} names the point in
 * display names and parameters ({@code [tau=20]}); {@link #description} names a curve's axis.
 */
enum SweepDimension {
    TEACHER("teacher", "teacher architecture"),
    TEACHER_STOP("teacherStop", "teacher stop (fraction of training)"),
    TAU("tau", "temperature");

    private final String key;
    private final String description;

    SweepDimension(String key, String description) {
        this.key = key;
        this.description = description;
    }

    String key() {
        return key;
    }

    String description() {
        return description;
    }

    /** The arm at {@code value} of this dimension; arms without a teacher are not swept. */
    ArmPlan apply(ArmPlan arm, String value) {
        if (arm.teacher() == null) {
            return arm;
        }
        return switch (this) {
            case TEACHER -> arm.withTeacher(arm.teacher().withArch(value));
            case TEACHER_STOP -> arm.withTeacher(arm.teacher().withStop(new Stop(-1, Double.parseDouble(value))));
            case TAU -> arm.withDistillation(arm.distillation().withTau(Double.parseDouble(value)));
        };
    }

    /** The point's position on a curve's axis: its index for architectures, else its value. */
    double x(String value, int index) {
        return this == TEACHER ? index : Double.parseDouble(value);
    }
}
