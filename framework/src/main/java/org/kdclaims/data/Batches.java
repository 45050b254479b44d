package org.kdclaims.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Mini-batches of normalised (and, for training, augmented) images, produced lazily so that an
 * epoch of 50,000 images never exists as floats all at once.
 *
 * <p>All randomness comes from (seed, epoch): the order from one stream, and every image's
 * augmentation from its own stream keyed by (seed, epoch, image index). Two runs with the same
 * seed therefore see identical batches in identical order, whatever the batch size or the
 * number of threads consuming them, and a different epoch gives a different order.
 */
public final class Batches {
    private static final long ORDER_STREAM = 1;
    private static final long AUGMENT_STREAM = 2;

    private Batches() {
    }

    /**
     * The batches of one training epoch. The last, partial batch is kept.
     *
     * @param shuffle false keeps the data set order (augmentation, if any, still applies)
     */
    public static Iterator<Batch> epoch(ImageDataset d, Normalization n, Augmentation a, int batchSize,
                                        long seed, int epoch, boolean shuffle) {
        if (n.channels() != d.channels()) {
            throw new IllegalArgumentException("normalisation has " + n.channels() + " channels, the data "
                    + d.channels());
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return new BatchIterator(d, n.lookupTable(), a, batchSize, order(d.size(), seed, epoch, shuffle), seed, epoch);
    }

    /** Evaluation: data set order, no augmentation. */
    public static Iterator<Batch> evaluation(ImageDataset d, Normalization n, int batchSize) {
        return epoch(d, n, Augmentation.none(), batchSize, 0, 0, false);
    }

    /** The order in which {@link #epoch} visits the images: a seeded permutation, or 0..size-1. */
    public static int[] order(int size, long seed, int epoch, boolean shuffle) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, ORDER_STREAM, epoch));
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /**
     * The given views of the given images as one batch (row i: view {@code views[i]} of image
     * {@code indices[i]}), normalised exactly as {@link #epoch} does: a teacher's pass over the
     * augmentation orbit sees the same floats a student's batch holds.
     */
    public static Batch ofViews(ImageDataset d, Normalization n, Augmentation a, int[] indices, int[] views) {
        if (indices.length != views.length) {
            throw new IllegalArgumentException(indices.length + " image indices but " + views.length + " views");
        }
        float[][] table = n.lookupTable();
        int imageBytes = d.imageBytes();
        float[] scratch = new float[imageBytes];
        float[] features = new float[indices.length * imageBytes];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = d.label(indices[i]);
            normalise(d, table, indices[i], scratch, 0);
            a.apply(views[i], scratch, 0, d.channels(), d.height(), d.width(), features, i * imageBytes);
        }
        return new Batch(features, labels, indices.length, d.channels(), d.height(), d.width(), indices.clone(),
                views.clone());
    }

    /** Writes image {@code index} of {@code d}, normalised through the lookup table, to {@code target}. */
    private static void normalise(ImageDataset d, float[][] table, int index, float[] target, int offset) {
        int plane = d.height() * d.width();
        byte[] pixels = d.rawPixels();
        int source = index * d.imageBytes();
        for (int ch = 0; ch < d.channels(); ch++) {
            float[] lut = table[ch];
            for (int p = 0; p < plane; p++) {
                target[offset + ch * plane + p] = lut[pixels[source + ch * plane + p] & 0xFF];
            }
        }
    }

    /** Number of batches per epoch, counting the last partial one. */
    public static int count(int size, int batchSize) {
        return (size + batchSize - 1) / batchSize;
    }

    private static final class BatchIterator implements Iterator<Batch> {
        private final ImageDataset data;
        private final float[][] table;
        private final Augmentation augmentation;
        private final int batchSize;
        private final int[] order;
        private final long seed;
        private final int epoch;
        private final float[] scratch;
        private int position;

        BatchIterator(ImageDataset data, float[][] table, Augmentation augmentation, int batchSize, int[] order,
                      long seed, int epoch) {
            this.data = data;
            this.table = table;
            this.augmentation = augmentation;
            this.batchSize = batchSize;
            this.order = order;
            this.seed = seed;
            this.epoch = epoch;
            this.scratch = new float[data.imageBytes()];
        }

        @Override
        public boolean hasNext() {
            return position < order.length;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int size = Math.min(batchSize, order.length - position);
            int c = data.channels();
            int imageBytes = data.imageBytes();
            float[] features = new float[size * imageBytes];
            int[] labels = new int[size];
            int[] indices = new int[size];
            int[] views = new int[size];
            boolean augment = !augmentation.isNone();
            for (int i = 0; i < size; i++) {
                int index = order[position + i];
                labels[i] = data.label(index);
                indices[i] = index;
                if (augment) {
                    normalise(data, table, index, scratch, 0);
                    SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, AUGMENT_STREAM, epoch, index));
                    views[i] = augmentation.apply(scratch, 0, c, data.height(), data.width(), features, i * imageBytes,
                            random);
                } else {
                    normalise(data, table, index, features, i * imageBytes);
                }
            }
            position += size;
            return new Batch(features, labels, size, c, data.height(), data.width(), indices, views);
        }
    }
}
