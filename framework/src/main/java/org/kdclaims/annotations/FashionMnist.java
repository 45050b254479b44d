package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdclaims.extension.KdClaimsExtension;

/** A claim on Fashion-MNIST, tagged {@code fashion-mnist}. */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(KdClaimsExtension.class)
@Tag("fashion-mnist")
@Dataset(Dataset.Kind.FASHION_MNIST)
public @interface FashionMnist {
}
