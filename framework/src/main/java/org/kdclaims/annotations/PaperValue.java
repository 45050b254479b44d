package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One number the paper reports for a claim, shown beside ours in the report. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PaperValue {
    /** What it is, e.g. "ResNet18 student of ResNet34, ESKD". */
    String label();

    double value();

    String unit() default "% top-1 error";

    /** Where it comes from, if not the claim's source, or a caveat (e.g. "ImageNet"). */
    String note() default "";
}
