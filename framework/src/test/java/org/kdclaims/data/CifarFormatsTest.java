package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader on small generated files; round trips between all formats are exact. */
class CifarFormatsTest {
    private static final DataCache NO_CACHE = DataCache.disabled();
    private static Cifar10 data;

    @BeforeAll
    static void generate() {
        data = TestData.cifarLike();
    }

    @Test
    void binaryRoundTripIsExact(@TempDir Path dir) throws Exception {
        CifarBinaryWriter.write(data.train(), data.test(), dir);
        assertThat(dir.resolve("data_batch_1.bin")).hasSize(20L * 3073);
        assertThat(dir.resolve("test_batch.bin")).hasSize(50L * 3073);
        assertThat(Files.readAllLines(dir.resolve("batches.meta.txt"))).startsWith("airplane", "automobile");
        assertThat(Cifar10.load(dir, NO_CACHE)).isEqualTo(data);
    }

    @Test
    void binaryBatchesAreSplitEvenlyInOrder(@TempDir Path dir) {
        ImageDataset train = data.train().subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        CifarBinaryWriter.write(train, data.test(), dir);
        // 13 = 3 + 3 + 3 + 2 + 2
        assertThat(dir.resolve("data_batch_3.bin")).hasSize(3L * 3073);
        assertThat(dir.resolve("data_batch_4.bin")).hasSize(2L * 3073);
        assertThat(Cifar10.load(dir, NO_CACHE).train()).isEqualTo(train);
    }

    @Test
    void acceptsTheFolderHoldingCifar10BatchesBin(@TempDir Path dir) {
        CifarBinaryWriter.write(data.train(), data.test(), dir.resolve("cifar-10-batches-bin"));
        assertThat(Cifar10.load(dir, NO_CACHE)).isEqualTo(data);
    }

    @Test
    void binaryWithoutMetaUsesTheOfficialNames(@TempDir Path dir) throws Exception {
        CifarBinaryWriter.write(data.train(), data.test(), dir);
        Files.delete(dir.resolve("batches.meta.txt"));
        assertThat(Cifar10.load(dir, NO_CACHE).classNames()).isEqualTo(Cifar10.CLASS_NAMES);
    }

    @Test
    void pngFolderRoundTripIsExact(@TempDir Path dir) {
        ImageFolderWriter.write(data.train(), data.test(), dir, "png");
        assertThat(dir.resolve("train/airplane/0000.png")).exists();
        assertThat(dir.resolve("test/truck/0004.png")).exists();
        assertThat(Cifar10.load(dir, NO_CACHE)).isEqualTo(data);
    }

    @Test
    void tarGzRoundTripIsExact(@TempDir Path dir) {
        Path archive = dir.resolve("cifar.tar.gz");
        ImageFolderWriter.writeTarGz(data.train(), data.test(), archive, "png");
        assertThat(Cifar10.load(archive, NO_CACHE)).isEqualTo(data);
    }

    @Test
    void tarGzWithALeadingFolderAndAFolderHoldingOneArchive(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "not data");
        ImageFolderWriter.writeTarGz(data.train(), data.test(), dir.resolve("cifar10-images.tgz"), "png", "cifar10");
        assertThat(Cifar10.load(dir, NO_CACHE)).isEqualTo(data);
    }

    @Test
    void chainedRoundTripsBinaryFolderTarGzIdxAreExact(@TempDir Path dir) {
        CifarBinaryWriter.write(data, dir.resolve("bin"));
        Cifar10 fromBinary = Cifar10.load(dir.resolve("bin"), NO_CACHE);
        ImageFolderWriter.write(fromBinary, dir.resolve("tree"), "png");
        Cifar10 fromTree = Cifar10.load(dir.resolve("tree"), NO_CACHE);
        ImageFolderWriter.writeTarGz(fromTree, dir.resolve("a.tar.gz"), "png");
        Cifar10 fromArchive = Cifar10.load(dir.resolve("a.tar.gz"), NO_CACHE);
        CifarBinaryWriter.write(fromArchive, dir.resolve("bin2"));
        assertThat(fromArchive).isEqualTo(data);
        assertThat(Cifar10.load(dir.resolve("bin2"), NO_CACHE)).isEqualTo(data);
        // IDX holds one channel: the first channel survives IDX -> Fashion-MNIST reader unchanged
        ImageDataset greyTrain = TestData.grey(fromArchive.train()).withClassNames(FashionMnistIdx.CLASS_NAMES);
        ImageDataset greyTest = TestData.grey(fromArchive.test()).withClassNames(FashionMnistIdx.CLASS_NAMES);
        IdxWriter.write(greyTrain, greyTest, dir.resolve("idx"), true);
        FashionMnistIdx.Data idx = FashionMnistIdx.load(dir.resolve("idx"));
        assertThat(idx.train()).isEqualTo(greyTrain);
        assertThat(idx.test()).isEqualTo(greyTest);
    }

    @Test
    void jpegTreeDecodesCloseToTheOriginal(@TempDir Path dir) {
        ImageFolderWriter.write(data.train(), data.test(), dir, "jpg");
        Cifar10 jpeg = Cifar10.load(dir, NO_CACHE);
        assertThat(jpeg.train().labels()).isEqualTo(data.train().labels());
        byte[] a = jpeg.train().pixels();
        byte[] b = data.train().pixels();
        double meanError = 0;
        for (int i = 0; i < a.length; i++) {
            meanError += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        meanError /= a.length;
        // lossy, but the same images (noise makes them hard to compress: a few levels of error)
        assertThat(meanError).isGreaterThan(0).isLessThan(20);
    }

    @Test
    void classOrderIsOfficialForCifarNamesElseSorted(@TempDir Path dir) {
        // written with labels in reverse official order: read back in official order
        List<String> reversed = new java.util.ArrayList<>(Cifar10.CLASS_NAMES);
        java.util.Collections.reverse(reversed);
        ImageFolderWriter.write(data.train().withClassNames(reversed), data.test().withClassNames(reversed), dir.resolve("official"), "png");
        Cifar10 official = Cifar10.load(dir.resolve("official"), NO_CACHE);
        assertThat(official.classNames()).isEqualTo(Cifar10.CLASS_NAMES);
        assertThat(official.train().label(0)).isZero();
        // images of folder "truck" (label 0 when written) now come last, with label 9
        assertThat(official.train().subset(new int[] {90}).pixels()).isEqualTo(data.train().subset(new int[] {0}).pixels());

        List<String> other = List.of("zebra", "apple", "mango", "kiwi", "fig", "lime", "pear", "plum", "date", "yam");
        Cifar10 renamed = new Cifar10(data.train().withClassNames(other), data.test().withClassNames(other));
        ImageFolderWriter.write(renamed, dir.resolve("other"), "png");
        Cifar10 sorted = Cifar10.load(dir.resolve("other"), NO_CACHE);
        assertThat(sorted.classNames()).containsExactly("apple", "date", "fig", "kiwi", "lime", "mango", "pear", "plum", "yam", "zebra");
        // zebra (written as label 0) is label 9 now, and its images are the last ten
        assertThat(sorted.train().label(99)).isEqualTo(9);
        assertThat(sorted.train().subset(new int[] {90}).pixels()).isEqualTo(data.train().subset(new int[] {0}).pixels());
    }

    @Test
    void withinAClassFilesAreOrderedByName(@TempDir Path dir) throws Exception {
        ImageFolderWriter.write(data, dir, "png");
        // swap two files' names: the order follows the names, not the writing order
        Path a = dir.resolve("train/cat/0000.png");
        Path b = dir.resolve("train/cat/0001.png");
        Path t = dir.resolve("train/cat/tmp.png");
        Files.move(a, t);
        Files.move(b, a);
        Files.move(t, b);
        ImageDataset train = Cifar10.load(dir, NO_CACHE).train();
        assertThat(train.subset(new int[] {30, 31}).pixels()).isEqualTo(data.train().subset(new int[] {31, 30}).pixels());
    }

    @Test
    void binaryIsPreferredOverAnArchiveInTheSameFolder(@TempDir Path dir) {
        CifarBinaryWriter.write(data, dir.resolve("cifar-10-batches-bin"));
        ImageFolderWriter.writeTarGz(data.train().subset(new int[] {0}), data.test().subset(new int[] {0}),
                dir.resolve("x.tar.gz"), "png");
        assertThat(Cifar10.load(dir, NO_CACHE)).isEqualTo(data);
    }

    @Test
    void channelsArePlanarRgb(@TempDir Path dir) {
        // one pure red, green and blue image: the planes come out in R, G, B order
        byte[] p = new byte[3 * 3072];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(p, c * 3072 + c * 1024, c * 3072 + (c + 1) * 1024, (byte) 255);
        }
        ImageDataset rgb = new ImageDataset(p, new int[] {0, 1, 2}, 3, 32, 32, List.of("a-red", "b-green", "c-blue"));
        ImageFolderWriter.write(rgb, rgb, dir, "png");
        assertThat(Cifar10.load(dir, NO_CACHE).train()).isEqualTo(rgb);
    }
}
