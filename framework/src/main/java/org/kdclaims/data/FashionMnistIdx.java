package org.kdclaims.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Fashion-MNIST from its four IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each optionally {@code .gz}):
 * 1 channel, 28x28, 10 classes. The Debian package dataset-fashion-mnist installs them in
 * {@link #DEFAULT_DIRECTORY}. Decoding is a plain copy, so there is no cache.
 */
public final class FashionMnistIdx {
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The two splits. */
    public record Data(ImageDataset train, ImageDataset test) {
        public Data {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }
    }

    private FashionMnistIdx() {
    }

    /** Loads from {@link #DEFAULT_DIRECTORY}. */
    public static Data load() {
        return load(DEFAULT_DIRECTORY);
    }

    /** Loads both splits from {@code dir}, or throws {@link DataException} naming the bad file. */
    public static Data load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException("Fashion-MNIST not found: " + dir + " is not a folder. Install the Debian"
                    + " package dataset-fashion-mnist (it fills " + DEFAULT_DIRECTORY + "), or put the four"
                    + " IDX files from https://github.com/zalandoresearch/fashion-mnist in a folder and pass it");
        }
        ImageDataset train = read(dir, TRAIN_IMAGES, TRAIN_LABELS);
        ImageDataset test = read(dir, TEST_IMAGES, TEST_LABELS);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DataException(dir + ": training images are " + train.height() + "x" + train.width()
                    + " but test images are " + test.height() + "x" + test.width() + "; the files do not belong together");
        }
        return new Data(train, test);
    }

    private static ImageDataset read(Path dir, String imagesName, String labelsName) {
        Path imagesFile = find(dir, imagesName);
        Path labelsFile = find(dir, labelsName);
        IdxReader.Images images = IdxReader.readImages(imagesFile);
        byte[] labelBytes = IdxReader.readLabels(labelsFile);
        if (labelBytes.length != images.count()) {
            throw new DataException(String.format("%s holds %,d images but %s holds %,d labels: the files do"
                    + " not belong together or one is damaged; re-download both", imagesFile, images.count(),
                    labelsFile, labelBytes.length));
        }
        int[] labels = new int[labelBytes.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelBytes[i] & 0xFF;
            if (labels[i] >= CLASS_NAMES.size()) {
                throw new DataException(String.format("%s: label %,d is %d, but Fashion-MNIST has classes 0..9:"
                        + " the file is damaged; re-download it", labelsFile, i, labels[i]));
            }
        }
        return ImageDataset.wrap(images.pixels(), labels, 1, images.rows(), images.columns(), CLASS_NAMES);
    }

    /** The file, or its .gz, preferring the uncompressed one. */
    private static Path find(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DataException(plain + " (or .gz) is missing: Fashion-MNIST needs " + TRAIN_IMAGES + ", "
                + TRAIN_LABELS + ", " + TEST_IMAGES + " and " + TEST_LABELS + " (each optionally .gz);"
                + " reinstall dataset-fashion-mnist or re-download them");
    }
}
