package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fashion-MNIST IDX reading, on generated 28x28 greyscale files. */
class FashionMnistTest {
    private static ImageDataset train;
    private static ImageDataset test;

    @BeforeAll
    static void generate() {
        Cifar10 s = SyntheticTask.generateSplits(4, 2, 10, 28, 7);
        train = TestData.grey(s.train()).withClassNames(FashionMnistIdx.CLASS_NAMES);
        test = TestData.grey(s.test()).withClassNames(FashionMnistIdx.CLASS_NAMES);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsWhatIdxWriterWrote(boolean gzip, @TempDir Path dir) {
        IdxWriter.write(train, test, dir, gzip);
        assertThat(dir.resolve("train-images-idx3-ubyte" + (gzip ? ".gz" : ""))).exists();
        FashionMnistIdx.Data d = FashionMnistIdx.load(dir);
        assertThat(d.train()).isEqualTo(train);
        assertThat(d.test()).isEqualTo(test);
        assertThat(d.train().channels()).isEqualTo(1);
        assertThat(d.train().height()).isEqualTo(28);
        assertThat(d.train().classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }

    @Test
    void headerIsTheStandardOne(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, false);
        ByteBuffer images = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("train-images-idx3-ubyte")));
        assertThat(images.getInt()).isEqualTo(2051);
        assertThat(images.getInt()).isEqualTo(40);
        assertThat(images.getInt()).isEqualTo(28);
        assertThat(images.getInt()).isEqualTo(28);
        assertThat(images.remaining()).isEqualTo(40 * 784);
        ByteBuffer labels = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte")));
        assertThat(labels.getInt()).isEqualTo(2049);
        assertThat(labels.getInt()).isEqualTo(20);
    }

    @Test
    void missingFolderSaysWhichPackageToInstall(@TempDir Path dir) {
        assertThatThrownBy(() -> FashionMnistIdx.load(dir.resolve("absent"))).isInstanceOf(DataException.class)
                .hasMessageContaining("absent").hasMessageContaining("dataset-fashion-mnist");
    }

    @Test
    void missingFile(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte (or .gz) is missing");
    }

    @Test
    void wrongMagicNumber(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, false);
        // labels where images belong
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("train-images-idx3-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("train-images-idx3-ubyte: magic number 2049, expected 2051");
    }

    @Test
    void wrongMagicNumberInGzippedLabels(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, true);
        IdxWriter.writeImages(test, dir.resolve("t10k-labels-idx1-ubyte.gz"), true);
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz: magic number 2051, expected 2049");
    }

    @Test
    void countMismatchBetweenImagesAndLabels(@TempDir Path dir) {
        IdxWriter.write(train, test, dir, false);
        IdxWriter.writeLabels(test.subset(new int[] {0, 1, 2}), dir.resolve("t10k-labels-idx1-ubyte"), false);
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte holds 20 images but")
                .hasMessageContaining("t10k-labels-idx1-ubyte holds 3 labels");
    }

    @Test
    void truncatedImageFile(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, false);
        Path f = dir.resolve("train-images-idx3-ubyte");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 100));
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("train-images-idx3-ubyte: the header declares 40 images of 28x28")
                .hasMessageContaining("truncated");
    }

    @Test
    void extraBytesAfterTheData(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, false);
        Path f = dir.resolve("train-labels-idx1-ubyte");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length + 1));
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("train-labels-idx1-ubyte: has bytes after the 40 labels");
    }

    @Test
    void labelOutOfRange(@TempDir Path dir) throws IOException {
        IdxWriter.write(train, test, dir, false);
        Path f = dir.resolve("train-labels-idx1-ubyte");
        byte[] b = Files.readAllBytes(f);
        b[8 + 6] = 10;
        Files.write(f, b);
        assertThatThrownBy(() -> FashionMnistIdx.load(dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("train-labels-idx1-ubyte: label 6 is 10");
    }
}
