package org.kdclaims.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * CIFAR-10 (or a data set of the same shape, e.g. from {@link SyntheticTask}): a training and a
 * test split with the same classes and image shape.
 *
 * <p>{@link #load(Path, DataCache)} reads any of three forms, detected from what is at the path:
 * <ol>
 *   <li>the official binary release: a folder with {@code data_batch_1.bin} .. {@code data_batch_5.bin},
 *       {@code test_batch.bin} and {@code batches.meta.txt}, or the folder holding
 *       {@code cifar-10-batches-bin/}; the data set order is the file order;</li>
 *   <li>an image tree {@code train/<class>/*.png|*.jpg}, {@code test/<class>/*.png|*.jpg};</li>
 *   <li>that tree in a {@code .tar.gz} or {@code .zip} (optionally under one leading folder), or a
 *       folder holding exactly one such archive.</li>
 * </ol>
 * For trees, labels follow the official class order when the folders are exactly the ten CIFAR-10
 * classes (else sorted folder names), and images are ordered by class, then file name. Every image
 * must be 32x32 RGB.
 */
public record Cifar10(ImageDataset train, ImageDataset test) {
    /** The official label order 0..9. */
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    public Cifar10 {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!train.classNames().equals(test.classNames())) {
            throw new DataException("train and test name different classes: " + train.classNames()
                    + " vs " + test.classNames());
        }
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new DataException("train images are " + shape(train) + " but test images are " + shape(test));
        }
    }

    private static String shape(ImageDataset d) {
        return d.channels() + "x" + d.height() + "x" + d.width();
    }

    /**
     * Loads CIFAR-10 from {@code location} (see the class comment), through {@code cache}.
     * Returns both splits fully decoded, or throws {@link DataException} saying which file is
     * wrong and how to fix it.
     */
    public static Cifar10 load(Path location, DataCache cache) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cache, "cache");
        return load(SourceLocation.resolve(location.toAbsolutePath().normalize()), "CIFAR-10", cache);
    }

    /**
     * A user's image-folder data set at {@code location} (named by {@code setting} in messages):
     * a {@code train|test/<class>/*} tree, or that tree in a {@code .tar.gz} or {@code .zip}, with
     * any number of classes and any one image size; through {@code cache} as CIFAR-10 is.
     */
    public static Cifar10 loadImageFolder(Path location, String setting, DataCache cache) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cache, "cache");
        return load(SourceLocation.imageFolder(location.toAbsolutePath().normalize(), setting), setting, cache);
    }

    private static Cifar10 load(SourceLocation source, String name, DataCache cache) {
        String key = cache.isEnabled() ? source.sourceKey() : "";
        List<ImageDataset> sets = cache.getOrLoad(name + " (" + source + ")", key, () -> {
            Cifar10 data = source.read();
            return List.of(data.train(), data.test());
        });
        if (sets.size() != 2) {
            throw new DataException("the data cache returned " + sets.size() + " data sets for " + source
                    + ", expected 2; delete " + cache.directory().orElse(null));
        }
        return new Cifar10(sets.get(0), sets.get(1));
    }

    public int numClasses() {
        return train.numClasses();
    }

    public List<String> classNames() {
        return train.classNames();
    }
}
