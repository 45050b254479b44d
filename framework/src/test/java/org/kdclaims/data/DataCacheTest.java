package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdclaims.config.Settings;

class DataCacheTest {
    private static Cifar10 data;

    @BeforeAll
    static void generate() {
        data = TestData.cifarLike();
    }

    /** A loader that counts its calls. */
    private static final class Counting implements Supplier<List<ImageDataset>> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<ImageDataset> get() {
            calls.incrementAndGet();
            return List.of(data.train(), data.test());
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void secondLoadComesFromTheCache(@TempDir Path dir) throws IOException {
        DataCache cache = DataCache.at(dir);
        Counting loader = new Counting();
        List<ImageDataset> first = cache.getOrLoad("test data", "key-1", loader);
        List<ImageDataset> second = cache.getOrLoad("test data", "key-1", loader);
        assertThat(loader.calls).hasValue(1);
        assertThat(second).containsExactly(data.train(), data.test());
        assertThat(first).isEqualTo(second);
        assertThat(entries(dir)).hasSize(1).allMatch(p -> p.toString().endsWith(".kdc")); // no temp files left
        cache.getOrLoad("test data", "key-2", loader);
        assertThat(loader.calls).hasValue(2);
    }

    @Test
    void logsDecodeAndCachedLoadTimes(@TempDir Path dir) {
        DataCache cache = DataCache.at(dir);
        try (TestData.LogCapture log = new TestData.LogCapture()) {
            cache.getOrLoad("test data", "k", new Counting());
            cache.getOrLoad("test data", "k", new Counting());
            assertThat(log.messages(Level.INFO)).hasSize(2);
            assertThat(log.messages(Level.INFO).get(0)).contains("test data: decoded 150 images in").contains("cached as");
            assertThat(log.messages(Level.INFO).get(1)).contains("test data: loaded 150 images from cache");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 12, 20, 40, 300, 150_000, -3})
    void aCorruptEntryIsReportedDeletedAndRebuilt(int flipAt, @TempDir Path dir) throws IOException {
        DataCache cache = DataCache.at(dir);
        cache.getOrLoad("test data", "k", new Counting());
        Path entry = cache.entryFile("k");
        byte[] bytes = Files.readAllBytes(entry);
        int at = flipAt < 0 ? bytes.length + flipAt : flipAt; // header, shape, labels, pixels, checksum
        bytes[at] ^= 0x5A;
        bytes[at + 1] ^= (byte) 0xFF;
        Files.write(entry, bytes);

        Counting loader = new Counting();
        try (TestData.LogCapture log = new TestData.LogCapture()) {
            List<ImageDataset> rebuilt = cache.getOrLoad("test data", "k", loader);
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains(entry.toString()).contains("damaged");
            assertThat(rebuilt).containsExactly(data.train(), data.test());
        }
        assertThat(loader.calls).hasValue(1);
        // the rebuilt entry is sound again
        assertThat(DataCache.read(entry)).containsExactly(data.train(), data.test());
    }

    @Test
    void aTruncatedEntryIsRebuilt(@TempDir Path dir) throws IOException {
        DataCache cache = DataCache.at(dir);
        cache.getOrLoad("test data", "k", new Counting());
        Path entry = cache.entryFile("k");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Counting loader = new Counting();
        try (TestData.LogCapture log = new TestData.LogCapture()) {
            assertThat(cache.getOrLoad("test data", "k", loader)).containsExactly(data.train(), data.test());
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains(entry.toString()).contains("truncated");
        }
        assertThat(loader.calls).hasValue(1);
        assertThat(Files.size(entry)).isEqualTo(bytes.length);
    }

    @Test
    void cifarLoadUsesTheCacheAndNoticesAChangedSource(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("data/cifar.tar.gz");
        ImageFolderWriter.writeTarGz(data, archive, "png");
        DataCache cache = DataCache.at(dir.resolve("cache"));
        assertThat(Cifar10.load(archive, cache)).isEqualTo(data);
        assertThat(entries(dir.resolve("cache"))).hasSize(1);
        Path entry = entries(dir.resolve("cache")).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 1;
        Files.write(entry, bytes);
        try (TestData.LogCapture log = new TestData.LogCapture()) {
            assertThat(Cifar10.load(archive, cache)).isEqualTo(data);
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains(entry.toString());
        }
        // other content: another entry
        ImageFolderWriter.writeTarGz(data.train().subset(new int[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90}), data.test(), archive, "png");
        assertThat(Cifar10.load(archive, cache).train().size()).isEqualTo(10);
        assertThat(entries(dir.resolve("cache"))).hasSize(2);
    }

    @Test
    void folderSourcesAreKeyedByTheirListing(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir.resolve("tree"), "png");
        CifarBinaryWriter.write(data, dir.resolve("bin"));
        DataCache cache = DataCache.at(dir.resolve("cache"));
        Cifar10.load(dir.resolve("tree"), cache);
        Cifar10.load(dir.resolve("bin"), cache);
        assertThat(Cifar10.load(dir.resolve("tree"), cache)).isEqualTo(data);
        assertThat(Cifar10.load(dir.resolve("bin"), cache)).isEqualTo(data);
        assertThat(entries(dir.resolve("cache"))).hasSize(2);
        Files.delete(dir.resolve("tree/test/cat/0004.png"));
        assertThat(Cifar10.load(dir.resolve("tree"), cache).test().size()).isEqualTo(49);
    }

    @Test
    void disabledCacheNeverStores(@TempDir Path dir) {
        DataCache cache = DataCache.disabled();
        Counting loader = new Counting();
        cache.getOrLoad("test data", "k", loader);
        cache.getOrLoad("test data", "k", loader);
        assertThat(loader.calls).hasValue(2);
        assertThat(cache.isEnabled()).isFalse();
        assertThat(cache.directory()).isEmpty();
    }

    @Test
    void anUnwritableCacheStillReturnsTheData(@TempDir Path dir) throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        DataCache cache = DataCache.at(notADirectory.resolve("cache"));
        try (TestData.LogCapture log = new TestData.LogCapture()) {
            assertThat(cache.getOrLoad("test data", "k", new Counting())).hasSize(2);
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("could not write");
        }
    }

    @Test
    void defaultCacheFollowsTheSetting(@TempDir Path dir) {
        assertThat(configured(dir.toString()).directory()).contains(dir.toAbsolutePath());
        assertThat(configured("off").isEnabled()).isFalse();
        assertThat(configured(null).directory())
                .contains(Path.of(System.getProperty("user.home"), ".cache", "kd-claims", "data"));
    }

    /** The cache of a session whose {@value DataCache#DIRECTORY_PROPERTY} setting is {@code setting} (null: unset). */
    private static DataCache configured(String setting) {
        Settings settings = Settings.from(
                k -> k.equals(DataCache.DIRECTORY_PROPERTY) ? Optional.ofNullable(setting) : Optional.empty());
        return DataCache.of(settings.dataCache());
    }
}
