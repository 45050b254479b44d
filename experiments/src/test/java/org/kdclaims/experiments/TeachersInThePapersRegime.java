package org.kdclaims.experiments;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;

/**
 * The premises every claim about learning from a larger teacher rests on (C1-C6, C8, C9): the
 * teachers are more accurate than the student trained alone, and they fit their training set, as the
 * paper's fully trained WideResNets do. C7 does not carry it: its teachers are the student's own
 * architecture. The early-stopped teachers of C8 and C9 are NOT required to be past their first
 * learning-rate decay ({@link Premise#STOPPED_TEACHER_PAST_FIRST_DECAY}): their stop point, just
 * before it, was fixed before any run (EXPERIMENTS.md) and is within the paper's 1/4-1/3.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Premises({Premise.TEACHERS_BEAT_SCRATCH, Premise.TEACHERS_FIT_TRAINING_SET})
@interface TeachersInThePapersRegime {
}
