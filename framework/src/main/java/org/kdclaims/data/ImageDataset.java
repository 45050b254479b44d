package org.kdclaims.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of labelled 8-bit images, stored as one array in the CIFAR binary layout:
 * N x C x H x W, planar (all of channel 0, then channel 1, ...), each plane row-major.
 *
 * <p>{@link #pixels()} and {@link #labels()} return copies so that nobody can change a data set
 * that others (a cache, a model store keyed by {@link #fingerprint()}) rely on. Hot loops should
 * use {@link Batches}, {@link #copyImage} or {@link #pixelBuffer()} instead of copying everything.
 */
public final class ImageDataset {
    private final byte[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private volatile String fingerprint;

    /**
     * Copies the arrays and checks that they agree: {@code pixels.length == labels.length * C*H*W},
     * every label in {@code [0, classNames.size())}, class names distinct and not blank.
     *
     * @throws DataException when they do not
     */
    public ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width,
                        List<String> classNames) {
        this(Objects.requireNonNull(pixels, "pixels").clone(),
             Objects.requireNonNull(labels, "labels").clone(),
             channels, height, width, List.copyOf(classNames), true);
    }

    private ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width,
                         List<String> classNames, boolean validate) {
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = classNames;
        if (validate) {
            validate();
        }
    }

    /** Same as the constructor, without copying: for loaders that built the arrays themselves. */
    static ImageDataset wrap(byte[] pixels, int[] labels, int channels, int height, int width,
                             List<String> classNames) {
        return new ImageDataset(pixels, labels, channels, height, width, List.copyOf(classNames), true);
    }

    private void validate() {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new DataException("image shape " + channels + "x" + height + "x" + width
                    + " is not valid: channels, height and width must all be positive");
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new DataException(String.format(
                    "pixels: %,d bytes, but %,d labels x %dx%dx%d needs %,d: the arrays do not match",
                    pixels.length, labels.length, channels, height, width, expected));
        }
        if (classNames.isEmpty()) {
            throw new DataException("a data set needs at least one class name");
        }
        if (new HashSet<>(classNames).size() != classNames.size()
                || classNames.stream().anyMatch(String::isBlank)) {
            throw new DataException("class names must be distinct and not blank: " + classNames);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new DataException("label " + labels[i] + " of image " + i + " is outside 0.."
                        + (classNames.size() - 1) + " (" + classNames.size() + " classes)");
            }
        }
    }

    /** A copy of the pixels, N x C x H x W, uint8 (read them with {@code & 0xFF}). */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** A read-only view of the pixels, without copying. */
    public ByteBuffer pixelBuffer() {
        return ByteBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    /** The internal array, for this package's loops only: never modify or hand it out. */
    byte[] rawPixels() {
        return pixels;
    }

    /** A copy of the labels, one per image. */
    public int[] labels() {
        return labels.clone();
    }

    public int label(int index) {
        return labels[index];
    }

    /** Copies image {@code index} (C*H*W bytes) into {@code target} at {@code offset}. */
    public void copyImage(int index, byte[] target, int offset) {
        int n = imageBytes();
        System.arraycopy(pixels, index * n, target, offset, n);
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The shape a network for this data set is built for: its images and its classes. */
    public ImageShape shape() {
        return new ImageShape(channels, height, width, numClasses());
    }

    /** Bytes per image: C*H*W. */
    public int imageBytes() {
        return channels * height * width;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The images at {@code indices}, in that order (repeats allowed). */
    public ImageDataset subset(int[] indices) {
        int n = imageBytes();
        byte[] p = new byte[Math.multiplyExact(indices.length, n)];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int k = indices[i];
            if (k < 0 || k >= labels.length) {
                throw new IndexOutOfBoundsException("index " + k + " is outside 0.." + (labels.length - 1));
            }
            System.arraycopy(pixels, k * n, p, i * n, n);
            l[i] = labels[k];
        }
        return new ImageDataset(p, l, channels, height, width, classNames, false);
    }

    /** The same images under other class names (same number of classes). */
    public ImageDataset withClassNames(List<String> names) {
        if (names.size() != classNames.size()) {
            throw new DataException("cannot rename " + classNames.size() + " classes with "
                    + names.size() + " names: " + names);
        }
        return new ImageDataset(pixels, labels, channels, height, width, List.copyOf(names), true);
    }

    /** Number of images per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * SHA-256 (hex) over the shape (N, C, H, W, number of classes), the labels and the pixels:
     * what a model trained on this data depends on. Class names are left out on purpose, so a
     * renamed copy of the same data keeps its cached models. Computed once.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            MessageDigest md = Hashing.sha256();
            ByteBuffer header = ByteBuffer.allocate(5 * Integer.BYTES);
            header.putInt(size()).putInt(channels).putInt(height).putInt(width).putInt(numClasses());
            md.update(header.array());
            ByteBuffer l = ByteBuffer.allocate(labels.length * Integer.BYTES);
            l.asIntBuffer().put(labels);
            md.update(l.array());
            md.update(pixels);
            f = Hashing.hex(md.digest());
            fingerprint = f;
        }
        return f;
    }

    /** Equal when shape, class names, labels and pixels are all equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof ImageDataset d
                && channels == d.channels && height == d.height && width == d.width
                && classNames.equals(d.classNames)
                && Arrays.equals(labels, d.labels) && Arrays.equals(pixels, d.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, height, width, classNames, Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "ImageDataset[" + size() + " x " + channels + "x" + height + "x" + width + ", "
                + numClasses() + " classes]";
    }
}
