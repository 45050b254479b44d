package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An arm that is an ensemble of {@code value} independently trained students (from scratch, with
 * their own seeds), evaluated by averaging their softmax outputs (PAPER.md C7).
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Ensemble {
    int value();
}
