package org.kdclaims.extension;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.kdclaims.config.Settings;

/**
 * Configuration parameters for a seconds-long claim run in the extension's own tests, with the disk
 * model store off (so reuse within the run is what is observed), and any overrides. They are given
 * to the engine (or read into {@link Settings}) as JUnit configuration parameters, which win over
 * the {@code -Dkd.*} system properties the build passes in; no JVM-global state is changed.
 */
final class TinyScale {
    private static final Map<String, String> PARAMETERS = Map.of(
            "kd.scale", "smoke", "kd.data", "synthetic", "kd.trainPerClass", "10", "kd.testPerClass", "5",
            "kd.resolution", "8", "kd.maxSeeds", "2", "kd.cache", "off");

    private TinyScale() {
    }

    /** The tiny scale, plus {@code overrides} as key, value, key, value, ... (they win). */
    static Map<String, String> parameters(String... overrides) {
        Map<String, String> parameters = new HashMap<>(PARAMETERS);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            parameters.put(overrides[i], overrides[i + 1]);
        }
        return Map.copyOf(parameters);
    }

    /** The Jupiter engine with {@link #parameters(String...)} as its configuration parameters. */
    static EngineTestKit.Builder engine(String... overrides) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters(overrides));
    }

    /** The settings the extension reads from {@link #parameters(String...)} (then system properties). */
    static Settings settings(String... overrides) {
        Map<String, String> parameters = parameters(overrides);
        return Settings.fromParametersOrSystem(k -> Optional.ofNullable(parameters.get(k)));
    }
}
