package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchesTest {
    private final ImageDataset data = SyntheticTask.generate(7, 3, 8, 11); // 21 images, 3x8x8
    private final Normalization norm = Normalization.fit(data);

    private static List<Batch> all(Iterator<Batch> it) {
        List<Batch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static int[] labels(List<Batch> batches) {
        return batches.stream().flatMapToInt(b -> Arrays.stream(b.labels())).toArray();
    }

    private static float[] features(List<Batch> batches) {
        int n = batches.stream().mapToInt(b -> b.features().length).sum();
        float[] out = new float[n];
        int at = 0;
        for (Batch b : batches) {
            System.arraycopy(b.features(), 0, out, at, b.features().length);
            at += b.features().length;
        }
        return out;
    }

    /** The normalised, un-augmented image {@code index}. */
    private float[] normalised(int index) {
        byte[] image = new byte[data.imageBytes()];
        data.copyImage(index, image, 0);
        float[] out = new float[image.length];
        float[] mean = norm.mean();
        float[] std = norm.std();
        for (int i = 0; i < image.length; i++) {
            int c = i / 64;
            out[i] = ((image[i] & 0xFF) / 255f - mean[c]) / std[c];
        }
        return out;
    }

    @Test
    void evaluationIsInOrderNormalisedAndKeepsThePartialBatch() {
        List<Batch> batches = all(Batches.evaluation(data, norm, 8));
        assertThat(batches).extracting(Batch::size).containsExactly(8, 8, 5);
        assertThat(Batches.count(21, 8)).isEqualTo(3);
        assertThat(labels(batches)).isEqualTo(data.labels());
        Batch last = batches.get(2);
        assertThat(last.channels()).isEqualTo(3);
        assertThat(last.height()).isEqualTo(8);
        assertThat(last.width()).isEqualTo(8);
        assertThat(Arrays.copyOfRange(last.features(), 4 * 192, 5 * 192)).isEqualTo(normalised(20));
    }

    @Test
    void sameSeedGivesIdenticalBatches() {
        Augmentation aug = Augmentation.padCropFlip(4);
        List<Batch> a = all(Batches.epoch(data, norm, aug, 5, 42, 3, true));
        List<Batch> b = all(Batches.epoch(data, norm, aug, 5, 42, 3, true));
        assertThat(labels(a)).isEqualTo(labels(b));
        assertThat(features(a)).isEqualTo(features(b));
        // the augmentation of an image does not depend on the batch size
        assertThat(features(all(Batches.epoch(data, norm, aug, 21, 42, 3, true)))).isEqualTo(features(a));
    }

    @Test
    void epochAndSeedChangeTheOrder() {
        int[] e0 = Batches.order(100, 42, 0, true);
        int[] e1 = Batches.order(100, 42, 1, true);
        assertThat(e0).isNotEqualTo(e1);
        assertThat(Batches.order(100, 43, 0, true)).isNotEqualTo(e0);
        assertThat(Batches.order(100, 42, 0, true)).isEqualTo(e0);
        assertThat(Arrays.stream(e0).sorted().toArray()).isEqualTo(Batches.order(100, 42, 0, false));
        List<Batch> batches = all(Batches.epoch(data, norm, Augmentation.none(), 4, 42, 1, true));
        int[] order = Batches.order(21, 42, 1, true);
        assertThat(labels(batches)).isEqualTo(Arrays.stream(order).map(data::label).toArray());
        assertThat(Arrays.copyOfRange(batches.get(0).features(), 0, 192)).isEqualTo(normalised(order[0]));
    }

    @Test
    void flipsAndCropsActuallyHappen() {
        // one image, many epochs: count the flipped, shifted and untouched outcomes
        ImageDataset one = data.subset(new int[] {4});
        float[] original = normalised(4);
        float[] mirrored = new float[original.length];
        for (int i = 0; i < original.length; i++) {
            int c = i / 64;
            int y = i % 64 / 8;
            int x = i % 8;
            mirrored[i] = original[c * 64 + y * 8 + (7 - x)];
        }
        int flippedOnly = 0;
        int identical = 0;
        int withZeroBorder = 0;
        int epochs = 400;
        for (int e = 0; e < epochs; e++) {
            float[] f = Batches.epoch(one, norm, Augmentation.padCropFlip(2), 1, 5, e, true).next().features();
            if (Arrays.equals(f, original)) {
                identical++;
            } else if (Arrays.equals(f, mirrored)) {
                flippedOnly++;
            }
            if (f[0] == 0f || f[7] == 0f || f[63] == 0f || f[56] == 0f) {
                withZeroBorder++;
            }
        }
        // P(no shift) = 1/25, then flip with 1/2: about 8 of each
        assertThat(identical).isBetween(1, 30);
        assertThat(flippedOnly).isBetween(1, 30);
        assertThat(withZeroBorder).isGreaterThan(epochs / 2);
    }

    @Test
    void augmentationPadsTheNormalisedImageWithZeros() {
        // a 1x2x2 image, pad 1: every crop offset is reachable; padded cells are exactly 0
        float[] source = {1, 2, 3, 4};
        Augmentation aug = Augmentation.padCropFlip(1);
        SplittableRandom random = new SplittableRandom(3);
        boolean sawShift = false;
        for (int i = 0; i < 200; i++) {
            float[] out = new float[4];
            aug.apply(source, 0, 1, 2, 2, out, 0, random);
            for (float v : out) {
                assertThat(v).isIn(0f, 1f, 2f, 3f, 4f);
            }
            sawShift |= Arrays.equals(out, new float[] {0, 0, 1, 2}) || Arrays.equals(out, new float[] {0, 0, 2, 1});
        }
        assertThat(sawShift).isTrue();
        float[] none = new float[4];
        Augmentation.none().apply(source, 0, 1, 2, 2, none, 0, random);
        assertThat(none).isEqualTo(source);
    }

    @Test
    void oneHotRows() {
        Batch b = new Batch(new float[2], new int[] {2, 0}, 2, 1, 1, 1);
        assertThat(b.oneHot(3)).containsExactly(0, 0, 1, 1, 0, 0);
        assertThatThrownBy(() -> b.oneHot(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Batch(new float[3], new int[] {2, 0}, 2, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMismatchedNormalisation() {
        assertThatThrownBy(() -> Batches.evaluation(data, Normalization.unit(1), 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
