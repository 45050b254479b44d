package org.kdclaims.data;

/**
 * One mini-batch: {@code features} is N x C x H x W, normalised (and augmented for training);
 * {@code labels} has one class index per image. The arrays are not copied: the producer hands
 * them over and nobody else holds them.
 */
public record Batch(float[] features, int[] labels, int size, int channels, int height, int width) {
    public Batch {
        if (labels.length != size || features.length != (long) size * channels * height * width) {
            throw new IllegalArgumentException("batch of " + size + " x " + channels + "x" + height + "x" + width
                    + " needs " + size + " labels and " + ((long) size * channels * height * width)
                    + " features, got " + labels.length + " and " + features.length);
        }
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
