package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The claim is about learning curves: its students (the models of its arms; not their teachers, their
 * ancestors, ensemble members, or the scratch students a premise check adds) are evaluated on the test
 * set at {@link #points()} evenly spaced epochs, every {@code max(1, epochs / points)} epochs, and
 * after the last, whatever the scale profile's {@code evalEvery}. {@code Arm.testErrorByEpoch()} then
 * gives the test error at each of those epochs, e.g. for
 * {@code assertThat(fullKd.testErrorByEpoch()).crossesAbove(scratch.testErrorByEpoch())} (the paper's
 * Fig. 3).
 *
 * <p>The evaluation schedule is part of such a student's model key: a model evaluated only where the
 * profile says (every 50 of 100 epochs at ci) is never served where a curve is needed, and the two
 * are never merged in the plan. Evaluation does not change training, so the curve's final model is
 * the same as without the annotation; what it costs is the extra passes over the test set (the
 * plan's estimate includes them). On a method, class or meta-annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface LearningCurve {
    /** Evaluations along training (at least 2), evenly spaced; fewer when training has fewer epochs. */
    int points() default 10;
}
