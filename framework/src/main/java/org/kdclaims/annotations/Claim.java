package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdclaims.extension.KdClaimsExtension;

/**
 * Declares a test method as a claim of the paper: the method's {@code Arm} parameters are trained
 * by {@link KdClaimsExtension} (over {@link Seeds}), and its body states the hypothesis with
 * {@code ClaimAssertions}. The paper's own numbers go in {@link #paper()} for the report. A claim
 * runs once, or once per point of its {@link Sweep}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Tag("claim")
@ExtendWith(KdClaimsExtension.class)
public @interface Claim {
    /** The claim's id in PAPER.md, e.g. "C4". */
    String id();

    /** Where the paper shows it, e.g. "Table 3" or "Fig. 4". */
    String source();

    /** The claim in one sentence. */
    String statement();

    /** The paper's numbers for the report, beside ours. */
    PaperValue[] paper() default {};

    /** The significance level of the claim's test. */
    double alpha() default 0.05;
}
