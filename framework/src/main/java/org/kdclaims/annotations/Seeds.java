package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many seeds each arm is trained with (seeds base, base+1, ...). The scale profile may cap
 * the count (smoke) or raise it to a floor (nightly: at least 5); the seeds used are recorded with
 * every result.
 *
 * <p>{@code @Seeds(3)} trains a fixed number. {@code @Seeds(min = 3, max = 10)} is adaptive: the
 * claim is judged at 3 seeds, and seeds are added {@code step} at a time, the suite re-planned and
 * the claim judged again, until the verdict is decided or {@code max} is reached. Each look tests
 * at the alpha an O'Brien-Fleming-type spending function allots it (Lan and DeMets 1983), so the
 * claim's type-I error stays at its alpha however many looks it takes ({@code SequentialDesign}).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Seeds {
    /** A fixed number of seeds (give this or {@code min}/{@code max}). */
    int value() default 0;

    /** Adaptive: the seeds of the first look. */
    int min() default 0;

    /** Adaptive: the most seeds a claim may use (0 = not adaptive). */
    int max() default 0;

    /** Adaptive: seeds added per round. */
    int step() default 1;

    long base() default 1;
}
