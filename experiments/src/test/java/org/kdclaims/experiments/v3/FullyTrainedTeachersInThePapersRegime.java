package org.kdclaims.experiments.v3;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;

/**
 * The premises of the early-stopped-teacher claims (C8, C9, Fig. 5): each teacher, trained to the
 * end, is more accurate than the student trained alone and fits its training set, and test error
 * falls with size from the student to the teacher. Its stopped checkpoints need none of this:
 * being less trained is the point of Fig. 4.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Premises({Premise.FULLY_TRAINED_TEACHERS_BEAT_SCRATCH, Premise.FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET,
        Premise.TEACHERS_IMPROVE_WITH_SIZE})
public @interface FullyTrainedTeachersInThePapersRegime {
}
