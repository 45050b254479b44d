package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a claim once per point of one dimension, each invocation named by its point (e.g.
 * {@code [teacher=wrn-16-4]}): the teacher's architecture (width or depth), the teacher's stop
 * point, or the temperature. Give exactly one dimension.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
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
