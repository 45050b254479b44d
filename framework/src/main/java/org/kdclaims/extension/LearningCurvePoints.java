package org.kdclaims.extension;

import java.lang.reflect.Method;

import org.kdclaims.annotations.LearningCurve;

/** A claim's {@code @LearningCurve}, resolved and validated before anything trains ({@link ClaimPlan}). */
final class LearningCurvePoints {
    /** A learning curve needs an evaluation along the way besides the one after the last epoch. */
    static final int MIN = 2;

    private LearningCurvePoints() {
    }

    /** The points of {@code @LearningCurve} on the claim or its class (its students' evaluations); 0 without one. */
    static int of(Method method) {
        LearningCurve c = ClaimPlan.find(method, LearningCurve.class).orElse(null);
        if (c == null) {
            return 0;
        }
        if (c.points() < MIN) {
            throw ClaimPlan.invalid(method, "has @LearningCurve(points = " + c.points() + "): a learning curve needs at"
                    + " least " + MIN + " evaluations (one early, the last), e.g. @LearningCurve(points = 10)");
        }
        return c.points();
    }
}
