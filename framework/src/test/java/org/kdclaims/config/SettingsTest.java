package org.kdclaims.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.data.FashionMnistIdx;

/**
 * Where each setting comes from: a JUnit configuration parameter wins over a system property, which
 * wins over an environment variable (the data locations) or the default. System properties and the
 * environment are given as maps here, so no test changes the JVM's.
 */
class SettingsTest {
    private static final Map<String, String> NONE = Map.of();

    private static Settings layered(Map<String, String> parameters, Map<String, String> properties,
            Map<String, String> environment) {
        Function<String, Optional<String>> p = k -> Optional.ofNullable(parameters.get(k));
        UnaryOperator<String> sys = properties::get;
        UnaryOperator<String> env = environment::get;
        return Settings.layered(p, sys, env);
    }

    @Test
    void aParameterWinsOverASystemProperty() {
        Settings s = layered(Map.of("kd.workers", "3", "kd.scale", "ci"), Map.of("kd.workers", "5", "kd.scale", "paper",
                "kd.threads", "2"), NONE);
        assertThat(s.workers()).isEqualTo(3);
        assertThat(s.scale().name()).isEqualTo("ci");
        assertThat(s.threads()).isEqualTo(2);   // not a parameter: the system property
    }

    @Test
    void cifarIsParameterThenSystemPropertyThenEnvironment() {
        Map<String, String> env = Map.of("KD_CIFAR", "/data/env");
        assertThat(layered(Map.of("kd.cifar", "/data/param"), Map.of("kd.cifar", "/data/prop"), env).cifar())
                .contains(Path.of("/data/param"));
        assertThat(layered(NONE, Map.of("kd.cifar", "/data/prop"), env).cifar()).contains(Path.of("/data/prop"));
        assertThat(layered(NONE, NONE, env).cifar()).contains(Path.of("/data/env"));
    }

    @Test
    void fashionMnistIsParameterThenSystemPropertyThenEnvironmentThenDebiansFolder() {
        Map<String, String> env = Map.of("KD_FASHION_MNIST", "/data/env");
        assertThat(layered(Map.of("kd.fashionMnist", "/data/param"), Map.of("kd.fashionMnist", "/data/prop"), env)
                .fashionMnist()).contains(Path.of("/data/param"));
        assertThat(layered(NONE, Map.of("kd.fashionMnist", "/data/prop"), env).fashionMnist())
                .contains(Path.of("/data/prop"));
        assertThat(layered(NONE, NONE, env).fashionMnist()).contains(Path.of("/data/env"));
        Optional<Path> debian = Files.isDirectory(FashionMnistIdx.DEFAULT_DIRECTORY)
                ? Optional.of(FashionMnistIdx.DEFAULT_DIRECTORY) : Optional.empty();
        assertThat(layered(NONE, NONE, NONE).fashionMnist()).isEqualTo(debian);
    }

    /** Without a setting, CIFAR-10 is searched for beside the repository root the build names. */
    @Test
    void cifarDefaultsToTheSharedFolderBesideTheRepositoryRoot(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path shared = Files.createDirectories(dir.resolve("shared/datasets/cifar-10"));
        assertThat(layered(NONE, Map.of("kd.repo.root", repo.toString()), NONE).cifar()).contains(shared);
        // a relative setting is resolved against the repository root, and is returned even if absent
        assertThat(layered(Map.of("kd.cifar", "data/cifar"), Map.of("kd.repo.root", repo.toString()), NONE).cifar())
                .contains(repo.resolve("data/cifar"));
    }

    @Test
    void dataCacheIsParameterThenSystemPropertyThenTheDefault(@TempDir Path dir) {
        Path param = dir.resolve("param");
        Path prop = dir.resolve("prop");
        assertThat(layered(Map.of("kd.data.cache", param.toString()), Map.of("kd.data.cache", prop.toString()), NONE)
                .dataCache()).contains(param);
        assertThat(layered(NONE, Map.of("kd.data.cache", prop.toString()), NONE).dataCache()).contains(prop);
        assertThat(layered(Map.of("kd.data.cache", "off"), Map.of("kd.data.cache", prop.toString()), NONE)
                .dataCache()).isEmpty();
        assertThat(layered(NONE, NONE, NONE).dataCache())
                .contains(Path.of(System.getProperty("user.home"), ".cache", "kd-claims", "data"));
    }

    /** A bare lookup (no environment) gives the data settings too. */
    @Test
    void aLookupGivesTheDataSettings(@TempDir Path dir) {
        Map<String, String> config = Map.of("kd.cifar", "/data/c", "kd.fashionMnist", "/data/f",
                "kd.data.cache", dir.toString());
        Settings s = Settings.from(k -> Optional.ofNullable(config.get(k)));
        assertThat(s.cifar()).contains(Path.of("/data/c"));
        assertThat(s.fashionMnist()).contains(Path.of("/data/f"));
        assertThat(s.dataCache()).contains(dir);
    }
}
