package org.kdclaims.reports.model;

import java.util.List;
import java.util.Map;

/**
 * Everything one claim invocation produced. A parameterised claim gives one result per
 * invocation; (id, displayName) tells them apart.
 *
 * @param id          claim id, e.g. "C4"
 * @param source      where in the paper, e.g. "Table 3", "Fig. 4"
 * @param hypothesis  the statistical hypothesis actually tested
 * @param metric      the measured quantity, e.g. "test error %"; also the key for per-metric tolerances
 * @param verdict     SUPPORTED, REFUTED or INCONCLUSIVE
 * @param outcome     the JUnit outcome: passed, failed, aborted or recorded
 * @param parameters  the knobs of this invocation (scale, epochs, tau, alpha, ...)
 * @param note        free text, e.g. why a claim is inconclusive
 */
public record ClaimResult(String id, String displayName, String source, String statement, String hypothesis,
                          String metric, List<PaperValue> paper, List<ArmResult> arms, TestResult test,
                          String verdict, String outcome, Map<String, String> parameters,
                          List<TrainingRunRecord> runs, List<Plot> plots, double wallSeconds, String note) {
    public static final String SUPPORTED = "SUPPORTED";
    public static final String REFUTED = "REFUTED";
    public static final String INCONCLUSIVE = "INCONCLUSIVE";

    public ClaimResult {
        paper = paper == null ? List.of() : paper;
        arms = arms == null ? List.of() : arms;
        parameters = parameters == null ? Map.of() : parameters;
        runs = runs == null ? List.of() : runs;
        plots = plots == null ? List.of() : plots;
    }
}
