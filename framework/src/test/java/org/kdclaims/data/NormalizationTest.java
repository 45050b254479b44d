package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    @Test
    void fitComputesPerChannelMeanAndStdOnTheUnitScale() {
        // two 3x1x2 images; channel 0: 0,255,0,255 (mean .5, std .5); channel 1: 51 everywhere
        // (constant: std falls back to 1); channel 2: 0,0,0,255 (mean .25, std sqrt(3)/4)
        byte[] p = {
            0, (byte) 255, 51, 51, 0, 0,
            0, (byte) 255, 51, 51, 0, (byte) 255};
        ImageDataset d = new ImageDataset(p, new int[] {0, 0}, 3, 1, 2, List.of("x"));
        Normalization n = Normalization.fit(d);
        assertThat(n.mean()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(n.std()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(n.mean()[1]).isCloseTo(0.2f, within(1e-6f));
        assertThat(n.std()[1]).isEqualTo(1f);
        assertThat(n.mean()[2]).isCloseTo(0.25f, within(1e-6f));
        assertThat(n.std()[2]).isCloseTo((float) (Math.sqrt(3) / 4), within(1e-6f));
    }

    @Test
    void fitOnSyntheticDataMatchesADirectComputation() {
        ImageDataset d = SyntheticTask.generate(3, 4, 8, 5);
        Normalization n = Normalization.fit(d);
        byte[] p = d.pixels();
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (int i = 0; i < d.size(); i++) {
                for (int k = 0; k < 64; k++) {
                    double v = (p[(i * 3 + c) * 64 + k] & 0xFF) / 255.0;
                    sum += v;
                    squares += v * v;
                    count++;
                }
            }
            double mean = sum / count;
            assertThat((double) n.mean()[c]).isCloseTo(mean, within(1e-6));
            assertThat((double) n.std()[c]).isCloseTo(Math.sqrt(squares / count - mean * mean), within(1e-6));
        }
    }

    @Test
    void cifarStandardValues() {
        Normalization n = Normalization.cifar10Standard();
        assertThat(n.mean()).containsExactly(0.4914f, 0.4822f, 0.4465f);
        assertThat(n.std()).containsExactly(0.2470f, 0.2435f, 0.2616f);
        assertThat(n).isEqualTo(Normalization.cifar10Standard());
        n.mean()[0] = 9; // a copy
        assertThat(n.mean()[0]).isEqualTo(0.4914f);
    }
}
