package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {
    // x = (7.61, 7.79, 7.45, 7.90, 7.70): mean 7.69, sd sqrt(0.1182/4) = 0.17190, t(0.975, 4) = 2.7764,
    // half-width 2.7764 * 0.17190 / sqrt(5) = 0.21344
    @Test
    void meanSdAndTInterval() {
        Summary s = Summary.of(new double[] {7.61, 7.79, 7.45, 7.90, 7.70});
        assertThat(s.mean()).isCloseTo(7.69, within(1e-9));
        assertThat(s.sd()).isCloseTo(0.17190, within(1e-4));
        assertThat(s.ciLow()).isCloseTo(7.4766, within(1e-3));
        assertThat(s.ciHigh()).isCloseTo(7.9034, within(1e-3));
    }

    @Test
    void singleValueHasNoSpread() {
        Summary s = Summary.of(new double[] {3});
        assertThat(s.mean()).isEqualTo(3);
        assertThat(s.sd()).isNaN();
    }
}
