package org.kdclaims.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.PaperValueRecord;
import org.kdclaims.results.model.RunResults;

class PaperColumnTest {
    @Test
    void aPaperValueLabelledWithTheArmNameSitsInThatArmsRow() {
        ArmResult eskd = new ArmResult("eskd", List.of(1L, 2L), List.of(40.0, 41.0), 40.5, 0.7, 34.1, 46.9);
        ArmResult fullKd = new ArmResult("fullKd", List.of(1L, 2L), List.of(42.0, 43.0), 42.5, 0.7, 36.1, 48.9);
        ClaimResult c = new ClaimResult("C4", "c4", "Table 3", "s", "h", "test error (%)",
                List.of(new PaperValueRecord("eskd: ResNet18 student of ResNet34, ESKD", 29.16, "%", "ImageNet")),
                List.of(eskd, fullKd), null, "INCONCLUSIVE", "recorded", Map.of(), List.of(), List.of(), 1, null);
        String html = ClaimReport.render(new RunResults(RunResults.SCHEMA, Fixtures.run(), List.of(c)), "");
        String eskdRow = html.substring(html.indexOf("<tr><td>eskd</td>"));
        eskdRow = eskdRow.substring(0, eskdRow.indexOf("</tr>"));
        String fullRow = html.substring(html.indexOf("<tr><td>fullKd</td>"));
        fullRow = fullRow.substring(0, fullRow.indexOf("</tr>"));
        assertThat(eskdRow).contains("29.16");
        assertThat(fullRow).doesNotContain("29.16");
    }
}
