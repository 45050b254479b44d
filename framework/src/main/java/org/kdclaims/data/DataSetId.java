package org.kdclaims.data;

import java.util.Objects;

/**
 * Which data set a run trains on: CIFAR-10, Fashion-MNIST, or a user's image-folder data set
 * named by its setting. The plan keys runs and loaded data by it, so two image-folder data sets
 * with different settings never share data or models.
 *
 * @param kind the data set's kind
 * @param setting for {@link Kind#IMAGE_FOLDER}, the setting that names its location; else empty
 */
public record DataSetId(Kind kind, String setting) {
    public static final DataSetId CIFAR10 = new DataSetId(Kind.CIFAR10, "");
    public static final DataSetId FASHION_MNIST = new DataSetId(Kind.FASHION_MNIST, "");

    public enum Kind { CIFAR10, FASHION_MNIST, IMAGE_FOLDER }

    public DataSetId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(setting, "setting");
        if ((kind == Kind.IMAGE_FOLDER) == setting.isBlank()) {
            throw new IllegalArgumentException(kind == Kind.IMAGE_FOLDER
                    ? "an image-folder data set needs the setting that names its location, e.g. \"kd.shapes\""
                    : kind + " is found by its own settings; it takes none, got \"" + setting + "\"");
        }
    }

    /** The user's data set whose location is the setting {@code setting} (or its environment variable). */
    public static DataSetId imageFolder(String setting) {
        return new DataSetId(Kind.IMAGE_FOLDER, setting.strip());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CIFAR10 -> "CIFAR-10";
            case FASHION_MNIST -> "Fashion-MNIST";
            case IMAGE_FOLDER -> "image folder " + setting;
        };
    }
}
