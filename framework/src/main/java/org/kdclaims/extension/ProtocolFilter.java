package org.kdclaims.extension;

import java.util.Locale;
import java.util.Optional;

import org.junit.platform.commons.support.AnnotationSupport;
import org.kdclaims.annotations.ProtocolVersion;
import org.kdclaims.config.ScaleProfile;

/**
 * Whether a claim class belongs to the protocol the run's scale profile runs: a frozen protocol's
 * claims run only under its own profiles, so that v2 reproduces v2 and v3 runs v3, from one build.
 */
final class ProtocolFilter {
    private ProtocolFilter() {
    }

    /** Why {@code claimClass} does not run under {@code profile}, with the fix; empty when it runs. */
    static Optional<String> skipReason(Class<?> claimClass, ScaleProfile profile) {
        return AnnotationSupport.findAnnotation(claimClass, ProtocolVersion.class)
                .filter(v -> v.value() != profile.protocol())
                .map(v -> String.format(Locale.ROOT,
                        "%s is a claim of protocol v%d, and -Dkd.scale=%s runs protocol v%d: run it with %s",
                        claimClass.getSimpleName(), v.value(), profile.name(), profile.protocol(),
                        profilesOf(v.value())));
    }

    private static String profilesOf(int protocol) {
        return switch (protocol) {
            case 2 -> "-Dkd.scale=ci-v2 or -Dkd.scale=nightly-v2";
            case ScaleProfile.CURRENT_PROTOCOL -> "-Dkd.scale=ci, nightly, smoke or paper";
            default -> "a scale profile of protocol v" + protocol + " (none is defined in this build)";
        };
    }
}
