package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many replications each arm is trained with. The scale profile may cap the count (smoke) or
 * raise it to a floor (nightly: at least 5); the seeds used are recorded with every result.
 *
 * <p><b>What is replicated.</b> In a claim without teachers every seed is a replication (seeds base,
 * base+1, ...). In a claim about teachers (any arm is distilled) the unit of replication is the
 * teacher: {@code @Seeds(3)} trains 3 teachers per arm (seeds base, base+1, base+2), each with
 * {@link #perTeacher()} students, and the claim is tested on per-teacher means paired by teacher seed,
 * so that the verdict is about how teachers are made, not about one teacher. A born-again chain or an
 * early-stopped checkpoint of teacher run s is paired with scratch teacher s; arms that share their
 * teachers (ESKD against full KD) pair their students within each teacher. Student j of teacher t has
 * seed {@code base + t * perTeacher + j}; an arm without a teacher trains the same seeds, grouped in
 * the same blocks, so that it pairs too. {@code @Seeds(value = 3, oneTeacher = true)} is the old
 * design, every student of an arm learning from one teacher: the verdict is then conditional on that
 * teacher and the report says so; a claim about teachers with one teacher per arm must declare it.
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
    /** A fixed number of replications (give this or {@code min}/{@code max}): teachers in a claim about teachers. */
    int value() default 0;

    /** Students per teacher in a claim about teachers (at least 2 separates the two variance components). */
    int perTeacher() default 1;

    /**
     * Every student of an arm learns from the same single teacher (seed base), {@link #value()} students:
     * the verdict is conditional on that teacher. Only for a claim that has teachers, and only on purpose.
     */
    boolean oneTeacher() default false;

    /** Adaptive: the replications (seeds, or teachers) of the first look. */
    int min() default 0;

    /** Adaptive: the most seeds a claim may use (0 = not adaptive). */
    int max() default 0;

    /** Adaptive: seeds added per round. */
    int step() default 1;

    long base() default 1;
}
