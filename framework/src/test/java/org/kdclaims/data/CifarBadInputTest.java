package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad CIFAR-10 input fails with a message naming the file, the fault and the fix. */
class CifarBadInputTest {
    private static final DataCache NO_CACHE = DataCache.disabled();
    private static Cifar10 data;

    @BeforeAll
    static void generate() {
        data = TestData.cifarLike();
    }

    private static DataException loadFails(Path location) {
        try {
            Cifar10 c = Cifar10.load(location, NO_CACHE);
            throw new AssertionError("expected a DataException, got " + c);
        } catch (DataException e) {
            return e;
        }
    }

    @Test
    void missingLocationSaysHowToPointAtTheData(@TempDir Path dir) {
        DataException e = loadFails(dir.resolve("nowhere"));
        assertThat(e).hasMessageContaining("nowhere").hasMessageContaining("does not exist")
                .hasMessageContaining("kd.cifar").hasMessageContaining("KD_CIFAR");
    }

    @Test
    void folderWithoutDataSaysWhatItExpected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThat(loadFails(dir)).hasMessageContaining("holds no CIFAR-10 data").hasMessageContaining("kd.cifar");
    }

    @Test
    void missingBatchFile(@TempDir Path dir) throws IOException {
        CifarBinaryWriter.write(data, dir);
        Files.delete(dir.resolve("data_batch_4.bin"));
        assertThat(loadFails(dir)).hasMessageContaining("data_batch_4.bin is missing").hasMessageContaining("re-extract");
    }

    @Test
    void truncatedBatchFile(@TempDir Path dir) throws IOException {
        CifarBinaryWriter.write(data, dir);
        Path batch = dir.resolve("data_batch_3.bin");
        try (FileChannel ch = FileChannel.open(batch, StandardOpenOption.WRITE)) {
            ch.truncate(20L * 3073 - 1000);
        }
        assertThat(loadFails(dir)).hasMessageContaining("data_batch_3.bin: 60,460 bytes is not a multiple of 3,073")
                .hasMessageContaining("truncated").hasMessageContaining("re-download");
    }

    @Test
    void emptyBatchFile(@TempDir Path dir) throws IOException {
        CifarBinaryWriter.write(data, dir);
        Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        assertThat(loadFails(dir)).hasMessageContaining("test_batch.bin: 0 bytes");
    }

    @Test
    void labelByteOutOfRange(@TempDir Path dir) throws IOException {
        CifarBinaryWriter.write(data, dir);
        Path batch = dir.resolve("data_batch_2.bin");
        byte[] bytes = Files.readAllBytes(batch);
        bytes[5 * 3073] = 12;
        Files.write(batch, bytes);
        assertThat(loadFails(dir)).hasMessageContaining("data_batch_2.bin: record 5 has label 12")
                .hasMessageContaining("10 classes");
    }

    @Test
    void imageOfTheWrongSize(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir, "png");
        ImageDataset small = SyntheticTask.generate(1, 2, 16, 1);
        TestData.write(dir.resolve("train/dog/0003.png"), ImageEncoder.encode(small, 0, "png"));
        assertThat(loadFails(dir)).hasMessageContaining("train/dog/0003.png: 16x16 pixels, expected 32x32");
    }

    @Test
    void greyscaleImage(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        javax.imageio.ImageIO.write(grey, "png", dir.resolve("test/cat/0001.png").toFile());
        assertThat(loadFails(dir)).hasMessageContaining("test/cat/0001.png: not an RGB image");
    }

    @Test
    void corruptImageFile(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir, "png");
        TestData.write(dir.resolve("train/ship/0002.png"), "this is no image".getBytes());
        assertThat(loadFails(dir)).hasMessageContaining("train/ship/0002.png").hasMessageContaining("not a PNG or JPEG");
    }

    @Test
    void nonImageFileInAClassFolder(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir, "png");
        TestData.write(dir.resolve("train/ship/labels.txt"), "x".getBytes());
        assertThat(loadFails(dir)).hasMessageContaining("train/ship/labels.txt: not a .png, .jpg or .jpeg");
    }

    @Test
    void missingClassFolderInTest(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        deleteTree(dir.resolve("test/horse"));
        assertThat(loadFails(dir)).hasMessageContaining("test/ lacks the class folder horse/ that train/ has");
    }

    @Test
    void missingClassFolderInBothSplits(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        deleteTree(dir.resolve("test/horse"));
        deleteTree(dir.resolve("train/horse"));
        assertThat(loadFails(dir)).hasMessageContaining("[horse] missing").hasMessageContaining("CIFAR-10 has 10 classes");
    }

    @Test
    void extraClassFolderInTest(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir, "png");
        TestData.write(dir.resolve("test/zebra/0000.png"), ImageEncoder.encode(data.test(), 0, "png"));
        assertThat(loadFails(dir)).hasMessageContaining("test/zebra/ is a class folder that train/ lacks");
    }

    @Test
    void emptyClassFolder(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        deleteTree(dir.resolve("train/frog"));
        Files.createDirectories(dir.resolve("train/frog"));
        assertThat(loadFails(dir)).hasMessageContaining("train/frog/ holds no images");
    }

    @Test
    void missingTestFolder(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        deleteTree(dir.resolve("test"));
        assertThat(loadFails(dir)).hasMessageContaining("has no test/ folder");
    }

    @Test
    void emptyArchive(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("empty.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(new byte[1024]); // a tar with no entries: two zero blocks
        }
        assertThat(loadFails(archive)).hasMessageContaining("empty.tar.gz: the archive holds no train/<class>/")
                .hasMessageContaining("empty");
    }

    @Test
    void zeroByteArchive(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("zero.tar.gz");
        Files.write(archive, new byte[0]);
        assertThat(loadFails(archive)).hasMessageContaining("zero.tar.gz: cannot read it as a gzip-compressed tar");
    }

    @Test
    void truncatedArchive(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("cut.tar.gz");
        ImageFolderWriter.writeTarGz(data, archive, "png");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(loadFails(archive)).hasMessageContaining("cut.tar.gz").hasMessageContaining("truncated");
    }

    @Test
    void gzipThatIsNotATar(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("text.tar.gz");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(text)) {
            out.write("just some text, not a tar archive at all ".repeat(40).getBytes());
        }
        Files.write(archive, text.toByteArray());
        assertThat(loadFails(archive)).hasMessageContaining("text.tar.gz").hasMessageContaining("not a .tar.gz");
    }

    @Test
    void archiveWithAMissingClassFolder(@TempDir Path dir) {
        Path archive = dir.resolve("a.tar.gz");
        int[] notTruck = java.util.stream.IntStream.range(0, data.test().size()).filter(i -> data.test().label(i) != 9).toArray();
        ImageFolderWriter.writeTarGz(data.train(), data.test().subset(notTruck), archive, "png");
        // the writer still writes the empty test/truck/ folder entry
        assertThat(loadFails(archive)).hasMessageContaining("a.tar.gz: test/truck/ holds no images");
    }

    @Test
    void twoArchivesInOneFolderAreAmbiguous(@TempDir Path dir) {
        ImageFolderWriter.writeTarGz(data, dir.resolve("a.tar.gz"), "png");
        ImageFolderWriter.writeTarGz(data, dir.resolve("b.tgz"), "png");
        assertThat(loadFails(dir)).hasMessageContaining("holds 2 archives").hasMessageContaining("a.tar.gz");
    }

    @Test
    void unsupportedFile(@TempDir Path dir) throws IOException {
        Path rar = dir.resolve("cifar.rar");
        Files.write(rar, new byte[10]);
        assertThat(loadFails(rar)).hasMessageContaining("cifar.rar: not a .tar.gz or .zip");
    }

    @Test
    void writerRefusesShapesTheBinaryFormatCannotHold(@TempDir Path dir) {
        Cifar10 small = SyntheticTask.generateSplits(2, 1, 3, 16, 1);
        assertThatThrownBy(() -> CifarBinaryWriter.write(small, dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("3x32x32 images only");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
