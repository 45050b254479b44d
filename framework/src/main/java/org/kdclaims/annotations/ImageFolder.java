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
 * A claim on your own image data set, tagged {@code image-folder}. {@link #value()} names the
 * setting that holds its location, e.g. {@code @ImageFolder("kd.shapes")}: a JUnit configuration
 * parameter or {@code -Dkd.shapes=/path}, else the environment variable {@code KD_SHAPES}. The
 * location is a folder with {@code train/<class>/*.png|*.jpg} and {@code test/<class>/...}, or
 * that tree in a {@code .tar.gz} or {@code .zip}: any number of classes, any one image size.
 * Without a location the claim is skipped with the fix; a bad data set fails it before anything
 * trains, naming the file, the problem and the fix.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(KdClaimsExtension.class)
@Tag("image-folder")
@Dataset(Dataset.Kind.IMAGE_FOLDER)
public @interface ImageFolder {
    /** The setting (and, upper-cased with dots as underscores, the environment variable) holding the location. */
    String value();
}
