package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocationsTest {
    private static UnaryOperator<String> map(Map<String, String> m) {
        return m::get;
    }

    @Test
    void systemPropertyWinsOverEnvironment(@TempDir Path dir) {
        var found = DataLocations.cifar10(map(Map.of("kd.cifar", "/data/a")), map(Map.of("KD_CIFAR", "/data/b")), dir);
        assertThat(found).contains(Path.of("/data/a"));
        found = DataLocations.cifar10(map(Map.of("kd.cifar", " ")), map(Map.of("KD_CIFAR", "/data/b")), dir);
        assertThat(found).contains(Path.of("/data/b"));
    }

    @Test
    void relativeSettingsResolveAgainstTheRepositoryRootAndHome(@TempDir Path dir) {
        var props = map(Map.of("kd.cifar", "data/cifar", "kd.repo.root", dir.toString(), "user.home", "/home/u"));
        assertThat(DataLocations.cifar10(props, map(Map.of()), Path.of("/elsewhere"))).contains(dir.resolve("data/cifar"));
        props = map(Map.of("kd.cifar", "~/cifar", "user.home", "/home/u"));
        assertThat(DataLocations.cifar10(props, map(Map.of()), dir)).contains(Path.of("/home/u/cifar"));
    }

    @Test
    void defaultIsSharedBesideTheRepositoryRoot(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        Path shared = dir.resolve("shared/datasets/cifar-10");
        Files.createDirectories(repo.resolve("framework"));
        Files.createDirectories(shared);
        var props = map(Map.of("kd.repo.root", repo.toString()));
        assertThat(DataLocations.cifar10(props, map(Map.of()), Path.of("/"))).contains(shared);
        // without the property: walk up from the working directory
        assertThat(DataLocations.cifar10(map(Map.of()), map(Map.of()), repo.resolve("framework"))).contains(shared);
    }

    @Test
    void emptyWhenNothingIsConfiguredOrFound(@TempDir Path dir) {
        assertThat(DataLocations.cifar10(map(Map.of()), map(Map.of()), dir)).isEmpty();
    }

    @Test
    void messageNamesBothSettings() {
        assertThat(DataLocations.howToProvideCifar10()).contains("-Dkd.cifar=").contains("KD_CIFAR").contains("cifar-10-batches-bin");
    }
}
