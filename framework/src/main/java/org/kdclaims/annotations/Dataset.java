package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which data set a claim runs on. Use the composed {@link Cifar}, {@link FashionMnist} or
 * {@link ImageFolder} (which also names the setting that holds your data set's location).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Dataset {
    Kind value();

    enum Kind { CIFAR10, FASHION_MNIST, IMAGE_FOLDER }
}
