package org.kdclaims.reports;

import org.junit.jupiter.api.Test;
import org.kdclaims.reports.format.Fmt;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {
    @Test
    void numbers() {
        assertThat(Fmt.num(30.24)).isEqualTo("30.24");
        assertThat(Fmt.num(7.6138)).isEqualTo("7.614");
        assertThat(Fmt.num(Double.NaN)).isEqualTo(Fmt.NONE);
        assertThat(Fmt.num(0.00001234)).isEqualTo("1.234e-05");
        assertThat(Fmt.p(0.0000123)).isEqualTo("1.23e-05");
        assertThat(Fmt.p(0.041)).isEqualTo("0.0410");
    }

    @Test
    void meanWithHalfCiHasMatchingPrecision() {
        assertThat(Fmt.meanCi(7.8, 0.1083)).isEqualTo("7.80 \u00b1 0.11");
        assertThat(Fmt.meanCi(30.2412, 1.26)).isEqualTo("30.2 \u00b1 1.3");
        assertThat(Fmt.meanCi(4.81, Double.NaN)).isEqualTo("4.81");
    }

    @Test
    void durations() {
        assertThat(Fmt.duration(12.34)).isEqualTo("12.3 s");
        assertThat(Fmt.duration(245)).isEqualTo("4 min 05 s");
        assertThat(Fmt.duration(7380)).isEqualTo("2 h 03 min");
    }
}
