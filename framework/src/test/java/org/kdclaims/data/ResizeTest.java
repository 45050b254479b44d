package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResizeTest {
    @Test
    void boxAverageOfEachBlock() {
        // one 1x4x4 image; blocks: {0,1,4,5}->2.5->3 (rounded half up), {2,3,6,7}->4.5->5,
        // {8,9,12,13}->10.5->11, {14,15,10,11}->12.5->13
        byte[] p = new byte[16];
        for (int i = 0; i < 16; i++) {
            p[i] = (byte) i;
        }
        ImageDataset d = new ImageDataset(p, new int[] {1}, 1, 4, 4, List.of("a", "b"));
        ImageDataset small = Resize.downscale(d, 2);
        assertThat(small.pixels()).containsExactly(3, 5, 11, 13);
        assertThat(small.height()).isEqualTo(2);
        assertThat(small.labels()).containsExactly(1);
        assertThat(small.classNames()).isEqualTo(d.classNames());
        assertThat(Resize.downscale(d, 4).pixels()).containsExactly(8); // 120/16 = 7.5 -> 8
        assertThat(Resize.downscale(d, 1)).isSameAs(d);
    }

    @Test
    void cifarToSixteenBySixteen() {
        ImageDataset d = SyntheticTask.generate(2, 3, 32, 1);
        ImageDataset small = Resize.downscale(d, 2);
        assertThat(small.size()).isEqualTo(6);
        assertThat(small.channels()).isEqualTo(3);
        assertThat(small.width()).isEqualTo(16);
        // channel planes stay separate: green pixel (0,0) of image 1 is the mean of its own block
        byte[] p = d.pixels();
        int g = 3 * 1024 + 1024;
        int mean = ((p[g] & 0xFF) + (p[g + 1] & 0xFF) + (p[g + 32] & 0xFF) + (p[g + 33] & 0xFF) + 2) / 4;
        assertThat(small.pixels()[3 * 256 + 256] & 0xFF).isEqualTo(mean);
    }

    @Test
    void factorMustDivideTheSize() {
        ImageDataset d = SyntheticTask.generate(1, 2, 6, 1);
        assertThatThrownBy(() -> Resize.downscale(d, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
