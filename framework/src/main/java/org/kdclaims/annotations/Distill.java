package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kdclaims.training.Distillation.Convention;

/**
 * The distillation loss of a claim's distilled arms (PAPER.md): temperature, weight and which
 * convention the weight follows, and the weight beta of attention transfer (0: none; see
 * {@link AttentionTransfer} for the composed annotation). Defaults: tau 4, 0.9 on the KD term
 * (Hinton's convention), no attention transfer.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Distill {
    double tau() default 4;

    double weight() default 0.9;

    Convention convention() default Convention.HINTON;

    /** Attention-transfer weight beta (Zagoruyko and Komodakis use 1000); 0 leaves it out. */
    double attentionBeta() default 0;
}
