package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The teacher that students in a claim are distilled from. On a class or method it is the default
 * for every distilled arm; epochs 0 means the scale profile's default for the paper's 200.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Teacher {
    /** Architecture name, e.g. "wrn-16-3" (see Architectures.KNOWN). */
    String arch();

    /** Training epochs at paper scale; 0 = the protocol default (200 on CIFAR-10). */
    int epochs() default 0;

    /**
     * An early-stopped teacher (PAPER.md C8): its checkpoint at this point of its training is used
     * as the teacher. The default (neither epoch nor fraction) is the fully trained teacher.
     */
    EarlyStopAt stopAt() default @EarlyStopAt;

    /**
     * Sequential KD (PAPER.md C5, C6): the teacher is itself distilled, with full KD, from a chain of
     * models, oldest first; the oldest is trained from scratch. {@code from = {"wrn-16-8"}} gives
     * WRN-16-8 -> this teacher; repeating the teacher's own architecture gives born-again generations.
     */
    String[] from() default {};
}
