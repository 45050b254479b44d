package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points of one dimension: the teacher's architecture (width or depth), the teacher's stop point,
 * or the temperature. Give exactly one dimension.
 * <ul>
 *   <li>On the method: runs the claim once per point, each invocation named by its point (e.g.
 *       {@code [teacher=wrn-16-4]}), with one verdict per point.</li>
 *   <li>On an {@code ArmCurve} parameter: the whole sweep is that one parameter, one arm per point
 *       (at least 3), and the claim states the curve's shape with one verdict, e.g.
 *       {@code void c1(@Sweep(teacher = {"wrn-16-2", "wrn-16-4", "wrn-16-8"}) ArmCurve students)}.</li>
 * </ul>
 */
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Sweep {
    /** Teacher architectures, replacing every distilled arm's teacher. */
    String[] teacher() default {};

    /** Teacher stop points as fractions of its training (early-stopped teachers, Fig. 4). */
    double[] teacherStopFraction() default {};

    /** KD temperatures. */
    double[] tau() default {};
}
