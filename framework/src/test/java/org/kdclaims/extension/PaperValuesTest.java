package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.PaperValueRecord;

/** The paper's numbers are found by the "&lt;arm or point&gt;:" prefix of their labels. */
class PaperValuesTest {
    private static final List<PaperValueRecord> PAPER = List.of(
            new PaperValueRecord("fromLarge: WRN16-1 student of WRN16-8", 7.98, "%", ""),
            new PaperValueRecord("fromMedium: WRN16-1 student of WRN16-3", 7.61, "%", ""),
            new PaperValueRecord("wrn-16-4: student of WRN16-4", 7.7, "%", ""),
            new PaperValueRecord("scratch student (no arm prefix)", 8.76, "%", ""));

    @Test
    void differenceIsPaperOfAMinusPaperOfB() {
        assertThat(PaperValues.difference(PAPER, "fromLarge", "fromMedium")).isCloseTo(0.37, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PaperValues.difference(PAPER, "fromMedium", "fromLarge")).isCloseTo(-0.37, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void noDifferenceUnlessBothArmsHaveAValue() {
        assertThat(PaperValues.difference(PAPER, "fromLarge", "scratch")).isNull();
        assertThat(PaperValues.difference(List.of(), "a", "b")).isNull();
    }

    @Test
    void theLabelMustStartWithTheNameAndAColon() {
        // "from" is a prefix of "fromLarge" but not followed by ':'
        assertThat(PaperValues.of(PAPER, "from")).isNull();
        assertThat(PaperValues.of(PAPER, "wrn-16-4")).isEqualTo(7.7);
        // the first name that matches wins: a curve point by its value, then by its arm's name
        assertThat(PaperValues.of(PAPER, "wrn-16-8", "fromLarge")).isEqualTo(7.98);
    }
}
