package org.kdclaims.data;

/**
 * One mini-batch: {@code features} is N x C x H x W, normalised (and augmented for training);
 * {@code labels} has one class index per image. Where the batch came from a data set,
 * {@code indices} gives each row's image index and {@code views} its augmentation view
 * ({@link Augmentation#draw}), so that a deterministic function of the image (a teacher's output)
 * can be looked up instead of recomputed; both are null for a batch made by hand. The arrays are not
 * copied: the producer hands them over and nobody else holds them.
 */
public record Batch(float[] features, int[] labels, int size, int channels, int height, int width, int[] indices,
        int[] views) {
    public Batch {
        if (labels.length != size || features.length != (long) size * channels * height * width) {
            throw new IllegalArgumentException("batch of " + size + " x " + channels + "x" + height + "x" + width
                    + " needs " + size + " labels and " + ((long) size * channels * height * width)
                    + " features, got " + labels.length + " and " + features.length);
        }
        if ((indices == null) != (views == null) || indices != null && (indices.length != size || views.length != size)) {
            throw new IllegalArgumentException("a batch of " + size + " needs both image indices and views, one per row");
        }
    }

    /** A batch without provenance (made by hand, not read from a data set). */
    public Batch(float[] features, int[] labels, int size, int channels, int height, int width) {
        this(features, labels, size, channels, height, width, null, null);
    }

    /** Whether each row's image index and view are known. */
    public boolean hasProvenance() {
        return indices != null;
    }

    /** The labels as one-hot rows, size x numClasses, row-major. */
    public float[] oneHot(int numClasses) {
        float[] out = new float[size * numClasses];
        for (int i = 0; i < size; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " is outside 0.." + (numClasses - 1));
            }
            out[i * numClasses + labels[i]] = 1f;
        }
        return out;
    }
}
