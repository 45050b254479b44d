package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Distillation with attention transfer (Zagoruyko and Komodakis 2017) added to the logit KD of
 * PAPER.md: {@code @Distill(attentionBeta = 1000)}, their beta, with tau 4 and weight 0.9. For other
 * values write {@code @Distill(tau = .., attentionBeta = ..)} instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@Distill(attentionBeta = 1000)
public @interface AttentionTransfer {
}
