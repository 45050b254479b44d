package org.kdclaims.experiments.v3;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;

/**
 * The premises of a claim about learning from a larger teacher (C4-C6, Mirzadeh et al.): every
 * teacher, each one of the replicated teachers, is more accurate than the student trained alone
 * and fits its training set, as the paper's fully trained WideResNets do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Premises({Premise.TEACHERS_BEAT_SCRATCH, Premise.TEACHERS_FIT_TRAINING_SET})
public @interface TeachersInThePapersRegime {
}
