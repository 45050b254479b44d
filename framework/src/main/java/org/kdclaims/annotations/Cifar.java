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

/**
 * A claim on CIFAR-10, tagged {@code cifar}: {@code mvn test -Dgroups=cifar} runs it on the real
 * data (see README for where it is looked for); the default {@code mvn test} runs it at smoke scale
 * on the generated stand-in.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(KdClaimsExtension.class)
@Tag("cifar")
@Dataset(Dataset.Kind.CIFAR10)
public @interface Cifar {
}
