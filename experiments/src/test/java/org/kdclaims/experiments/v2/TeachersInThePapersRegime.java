package org.kdclaims.experiments.v2;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;

/**
 * The premises every claim about learning from a larger teacher rests on (C1-C6, Mirzadeh et al.):
 * the teachers are more accurate than the student trained alone, and they fit their training set, as
 * the paper's fully trained WideResNets do. A teacher of the student's own width (the first point of
 * C1's curve) is exempt from the first: it is the student trained alone. C7 does not carry it: its
 * teachers are the student's own architecture. The early-stopped-teacher claims carry
 * {@link FullyTrainedTeachersInThePapersRegime} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Premises({Premise.TEACHERS_BEAT_SCRATCH, Premise.TEACHERS_FIT_TRAINING_SET})
public @interface TeachersInThePapersRegime {
}
