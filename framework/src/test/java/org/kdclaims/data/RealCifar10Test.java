package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.config.Settings;

/**
 * The real CIFAR-10 (see {@link DataLocations}); skipped when it is not available. Run with
 * {@code mvn -pl framework test -Dgroups=cifar -Dtest='org.kdclaims.data.**'}.
 */
@Tag("cifar")
class RealCifar10Test {
    @Test
    void loadsTheRealCifar10AndItsBinaryExportReadsBackIdentically(@TempDir Path tmp) {
        // the -Dkd.cifar (or KD_CIFAR) of the build, as a session reads it
        Path location = Settings.fromParametersOrSystem(k -> Optional.empty()).cifar().orElse(null);
        if (location == null) {
            Assumptions.abort(DataLocations.howToProvideCifar10());
        }

        long t0 = System.nanoTime();
        Cifar10 cold = Cifar10.load(location, DataCache.disabled());
        double coldSeconds = (System.nanoTime() - t0) / 1e9;

        assertThat(cold.train().size()).isEqualTo(50_000);
        assertThat(cold.test().size()).isEqualTo(10_000);
        assertThat(cold.classNames()).isEqualTo(Cifar10.CLASS_NAMES);
        assertThat(cold.train().classCounts()).containsOnly(5_000);
        assertThat(cold.test().classCounts()).containsOnly(1_000);
        assertThat(cold.train().channels()).isEqualTo(3);
        assertThat(cold.train().height()).isEqualTo(32);
        assertThat(cold.train().width()).isEqualTo(32);
        // image trees are ordered by class: labels 0 x 5000, 1 x 5000, ...
        for (int i = 0; i < 50_000; i += 499) {
            assertThat(cold.train().label(i)).isEqualTo(i / 5_000);
        }
        assertThat(cold.test().labels()).isSorted();
        // real photographs: channel means near the published CIFAR-10 statistics
        Normalization fit = Normalization.fit(cold.train());
        float[] reference = Normalization.cifar10Standard().mean();
        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(fit.mean()[c] - reference[c])).isLessThan(0.01f);
        }

        DataCache cache = DataCache.at(tmp.resolve("cache"));
        t0 = System.nanoTime();
        Cifar10.load(location, cache);
        double coldWriteSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Cifar10 cached = Cifar10.load(location, cache);
        double cachedSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(cached).isEqualTo(cold);
        cached = null;

        Path binary = tmp.resolve("cifar-10-batches-bin");
        CifarBinaryWriter.write(cold, binary);
        Cifar10 back = Cifar10.load(tmp, DataCache.disabled());
        assertThat(back.train().labels()).isEqualTo(cold.train().labels());
        assertThat(back).isEqualTo(cold);

        System.out.printf(Locale.ROOT, "real CIFAR-10 at %s: cold load %.2f s, cold load + cache write %.2f s,"
                + " cached load %.2f s, fingerprint train %s%n", location, coldSeconds, coldWriteSeconds,
                cachedSeconds, cold.train().fingerprint());
    }
}
