package org.kdclaims.experiments.v3;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;

/**
 * The premises of the claims about teacher size (C1-C3, Fig. 2 left): {@link TeachersInThePapersRegime}
 * and, since the paper's teachers are "bigger, more accurate" ones, test error falls with teacher
 * size across the claim's teachers and its student trained alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Premises({Premise.TEACHERS_BEAT_SCRATCH, Premise.TEACHERS_FIT_TRAINING_SET, Premise.TEACHERS_IMPROVE_WITH_SIZE})
public @interface BiggerTeachersInThePapersRegime {
}
