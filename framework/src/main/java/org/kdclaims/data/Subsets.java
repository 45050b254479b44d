package org.kdclaims.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/** Seeded, class-balanced subsets of a data set. */
public final class Subsets {
    /** A training set and the validation set held out of it; disjoint. */
    public record Split(ImageDataset train, ImageDataset validation) {
        public Split {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(validation, "validation");
        }
    }

    private Subsets() {
    }

    /**
     * Indices of {@code perClass} images drawn at random (seeded) from every class, sorted in data
     * set order. Fails if a class has fewer images.
     */
    public static int[] stratified(ImageDataset d, int perClass, long seed) {
        if (perClass < 0) {
            throw new IllegalArgumentException("perClass must be >= 0, got " + perClass);
        }
        int[][] byClass = indicesByClass(d);
        int[] chosen = new int[Math.multiplyExact(perClass, d.numClasses())];
        int n = 0;
        for (int k = 0; k < byClass.length; k++) {
            int[] pool = byClass[k];
            if (pool.length < perClass) {
                throw new DataException(String.format("class '%s' has %,d images, fewer than the %,d per class"
                        + " asked for; ask for at most %,d", d.classNames().get(k), pool.length, perClass, pool.length));
            }
            // Each class gets its own stream, so one class's size does not change another's draw.
            SplittableRandom random = new SplittableRandom(SeedDerivation.derive(seed, k));
            for (int i = 0; i < perClass; i++) { // partial Fisher-Yates
                int j = i + random.nextInt(pool.length - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
                chosen[n++] = pool[i];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Holds out {@code validationPerClass} images of every class of {@code train} (seeded) as the
     * validation set; the rest, in data set order, is the new training set. Every class must keep
     * at least one training image.
     */
    public static Split trainValidation(ImageDataset train, int validationPerClass, long seed) {
        int[] counts = train.classCounts();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] <= validationPerClass) {
                throw new DataException(String.format("class '%s' has %,d training images: holding out %,d for"
                        + " validation would leave none; hold out fewer", train.classNames().get(k), counts[k],
                        validationPerClass));
            }
        }
        int[] validation = stratified(train, validationPerClass, seed);
        boolean[] held = new boolean[train.size()];
        for (int i : validation) {
            held[i] = true;
        }
        int[] rest = new int[train.size() - validation.length];
        int n = 0;
        for (int i = 0; i < held.length; i++) {
            if (!held[i]) {
                rest[n++] = i;
            }
        }
        return new Split(train.subset(rest), train.subset(validation));
    }

    private static int[][] indicesByClass(ImageDataset d) {
        int[] counts = d.classCounts();
        int[][] byClass = new int[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            byClass[k] = new int[counts[k]];
        }
        int[] fill = new int[counts.length];
        for (int i = 0; i < d.size(); i++) {
            int k = d.label(i);
            byClass[k][fill[k]++] = i;
        }
        return byClass;
    }
}
