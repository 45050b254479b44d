package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A point of training: give either {@code epoch} (at paper scale, mapped by the scale profile) or
 * {@code fraction} of the epochs. On an {@code Arm} parameter it makes that arm ESKD (the KD loss
 * until this point, cross-entropy only afterwards); in {@code @Teacher(stopAt = ...)} it makes an
 * early-stopped teacher.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EarlyStopAt {
    /** The epoch at paper scale; -1 when {@link #fraction()} is used. */
    int epoch() default -1;

    /** The fraction of training, in (0, 1]; -1 when {@link #epoch()} is used. */
    double fraction() default -1;
}
