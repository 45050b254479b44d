package org.kdclaims.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The pre-registered protocol a claim class belongs to. A protocol is fixed before any of its runs
 * (EXPERIMENTS.md), and its claims are kept, unchanged, so that its committed results can be
 * reproduced: they run only under a scale profile of the same protocol ({@code -Dkd.scale=ci-v2}
 * for protocol 2) and are skipped, with that fix, under any other. A claim class without this
 * annotation (your own claims) runs under every profile.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface ProtocolVersion {
    /** The protocol's number, e.g. 2 or 3 ({@code ScaleProfile.protocol()}). */
    int value();
}
