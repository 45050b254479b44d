package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {
    private static final List<String> AB = List.of("a", "b");

    private static ImageDataset tiny() {
        // three 1x2x2 images with pixel values 10*i + j
        byte[] p = new byte[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                p[i * 4 + j] = (byte) (10 * i + j);
            }
        }
        return new ImageDataset(p, new int[] {1, 0, 1}, 1, 2, 2, AB);
    }

    @Test
    void exposesShapeAndCounts() {
        ImageDataset d = tiny();
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.channels()).isEqualTo(1);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.width()).isEqualTo(2);
        assertThat(d.numClasses()).isEqualTo(2);
        assertThat(d.classNames()).containsExactly("a", "b");
        assertThat(d.classCounts()).containsExactly(1, 2);
        assertThat(d.imageBytes()).isEqualTo(4);
        assertThat(d.shape()).isEqualTo(new ImageShape(1, 2, 2, 2));
        assertThat(d.shape().imageSize()).isEqualTo(d.imageBytes());
    }

    /** A shape is built from a data set or by hand (tests, benchmarks): a zero is caught where it is made. */
    @Test
    void anImageShapeIsPositiveInEveryDimension() {
        assertThat(new ImageShape(3, 32, 32, 10)).hasToString("3x32x32 input and 10 classes");
        assertThatThrownBy(() -> new ImageShape(3, 32, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x32x0").hasMessageContaining("must all be positive");
        assertThatThrownBy(() -> new ImageShape(3, 32, 32, 0)).hasMessageContaining("0 classes");
    }

    @Test
    void rejectsArraysThatDoNotMatch() {
        assertThatThrownBy(() -> new ImageDataset(new byte[11], new int[3], 1, 2, 2, AB))
                .isInstanceOf(DataException.class).hasMessageContaining("11 bytes").hasMessageContaining("needs 12");
        assertThatThrownBy(() -> new ImageDataset(new byte[12], new int[] {0, 2, 0}, 1, 2, 2, AB))
                .isInstanceOf(DataException.class).hasMessageContaining("label 2 of image 1");
        assertThatThrownBy(() -> new ImageDataset(new byte[12], new int[3], 1, 2, 2, List.of("a", "a")))
                .isInstanceOf(DataException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new ImageDataset(new byte[0], new int[0], 0, 2, 2, AB))
                .isInstanceOf(DataException.class).hasMessageContaining("shape");
    }

    @Test
    void isImmutable() {
        byte[] p = new byte[4];
        int[] l = {0};
        ImageDataset d = new ImageDataset(p, l, 1, 2, 2, AB);
        String before = d.fingerprint();
        p[0] = 9;
        l[0] = 1;
        d.pixels()[1] = 9;
        d.labels()[0] = 1;
        assertThat(d.pixels()).containsOnly(0);
        assertThat(d.labels()).containsExactly(0);
        assertThat(d.pixelBuffer().isReadOnly()).isTrue();
        assertThat(new ImageDataset(new byte[4], new int[] {0}, 1, 2, 2, AB).fingerprint()).isEqualTo(before);
    }

    @Test
    void subsetPicksImagesInTheGivenOrder() {
        ImageDataset s = tiny().subset(new int[] {2, 0, 2});
        assertThat(s.labels()).containsExactly(1, 1, 1);
        assertThat(s.pixels()).containsExactly(20, 21, 22, 23, 0, 1, 2, 3, 20, 21, 22, 23);
        assertThat(s.classNames()).isEqualTo(AB);
        assertThatThrownBy(() -> tiny().subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void fingerprintDependsOnShapeLabelsAndPixels() {
        ImageDataset d = tiny();
        assertThat(d.fingerprint()).hasSize(64).isEqualTo(tiny().fingerprint());
        byte[] p = d.pixels();
        p[5] ^= 1;
        assertThat(new ImageDataset(p, d.labels(), 1, 2, 2, AB).fingerprint()).isNotEqualTo(d.fingerprint());
        assertThat(new ImageDataset(d.pixels(), new int[] {0, 0, 1}, 1, 2, 2, AB).fingerprint()).isNotEqualTo(d.fingerprint());
        assertThat(new ImageDataset(d.pixels(), d.labels(), 1, 1, 4, AB).fingerprint()).isNotEqualTo(d.fingerprint());
        // class names are not part of it: renaming does not invalidate trained models
        assertThat(d.withClassNames(List.of("x", "y")).fingerprint()).isEqualTo(d.fingerprint());
    }

    @Test
    void equalityIsByContent() {
        assertThat(tiny()).isEqualTo(tiny()).hasSameHashCodeAs(tiny());
        assertThat(tiny().withClassNames(List.of("x", "y"))).isNotEqualTo(tiny());
        assertThat(tiny().subset(new int[] {0, 1})).isNotEqualTo(tiny());
    }
}
