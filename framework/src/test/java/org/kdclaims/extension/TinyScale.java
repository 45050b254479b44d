package org.kdclaims.extension;

import java.util.HashMap;
import java.util.Map;

/**
 * System properties for a seconds-long claim run in the extension's own tests, with the disk
 * model store off (so reuse within the run is what is observed), and any overrides; restores the
 * old values.
 */
final class TinyScale implements AutoCloseable {
    private static final Map<String, String> PROPS = Map.of(
            "kd.scale", "smoke", "kd.data", "synthetic", "kd.trainPerClass", "10", "kd.testPerClass", "5",
            "kd.resolution", "8", "kd.maxSeeds", "2", "kd.cache", "off");
    private final Map<String, String> before = new HashMap<>();

    /** The tiny scale, plus {@code overrides} as key, value, key, value, ... (they win). */
    TinyScale(String... overrides) {
        Map<String, String> props = new HashMap<>(PROPS);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        props.forEach((k, v) -> {
            before.put(k, System.getProperty(k));
            System.setProperty(k, v);
        });
    }

    @Override
    public void close() {
        before.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}
