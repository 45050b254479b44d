package org.kdclaims.results.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one claim invocation produced. A parameterised claim gives one result per
 * invocation; (id, displayName) tells them apart.
 *
 * @param id          claim id, e.g. "C4"
 * @param source      where in the paper, e.g. "Table 3", "Fig. 4"
 * @param hypothesis  the statistical hypothesis actually tested
 * @param metric      the measured quantity, e.g. "test error %"; also the key for per-metric tolerances
 * @param verdict     SUPPORTED, REFUTED or INCONCLUSIVE; OUTSIDE_REGIME when a premise failed
 * @param outcome     the JUnit outcome: passed, failed, aborted or recorded
 * @param parameters  the knobs of this invocation (scale, epochs, tau, alpha, ...), in the given order
 * @param note        free text, e.g. why a claim is inconclusive
 * @param statistics  the difference, its CI, the power of the test and the paper's effect; null in
 *                    files written before it existed
 * @param premises    the conditions the paper's claim presumes, checked on our numbers; empty if not checked
 * @param regime      {@link #IN_REGIME} or {@link #OUTSIDE_REGIME}; null if the premises were not checked
 * @param statisticalVerdict what the statistics alone said (SUPPORTED, REFUTED, INCONCLUSIVE) when
 *                    {@code verdict} is OUTSIDE_REGIME; null otherwise
 * @param curve       the curve a shape claim is about; null for two-arm claims
 * @param crossover   the two learning curves a crossover claim is about, with its tests; null (and not
 *                    written, so other claims' JSON is what it was) for every other claim. Its {@code arms}
 *                    are then the two arms at the end of training
 */
public record ClaimResult(String id, String displayName, String source, String statement, String hypothesis,
                          String metric, List<PaperValueRecord> paper, List<ArmResult> arms, TestResult test,
                          String verdict, String outcome, Map<String, String> parameters,
                          List<TrainingRunRecord> runs, List<Plot> plots, double wallSeconds, String note,
                          Statistics statistics, List<PremiseRecord> premises, String regime,
                          String statisticalVerdict, CurveRecord curve,
                          @JsonInclude(JsonInclude.Include.NON_NULL) CrossoverRecord crossover) {
    public static final String SUPPORTED = "SUPPORTED";
    public static final String REFUTED = "REFUTED";
    public static final String INCONCLUSIVE = "INCONCLUSIVE";
    /**
     * Verdict (and regime) of a claim whose premises failed: the experiment is not in the situation
     * the paper speaks about, so its statistics neither support nor refute the paper.
     */
    public static final String OUTSIDE_REGIME = "OUTSIDE_REGIME";
    /** Regime of a claim whose premises all hold. */
    public static final String IN_REGIME = "IN_REGIME";

    public ClaimResult {
        paper = paper == null ? List.of() : paper;
        arms = arms == null ? List.of() : arms;
        // kept in the order the framework put them (scale first), so that the JSON and Allure files of
        // two identical runs are identical; Map.copyOf would give a JVM-random order
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        runs = runs == null ? List.of() : runs;
        plots = plots == null ? List.of() : plots;
        premises = premises == null ? List.of() : premises;
    }

    /** A claim that is not about a crossover of learning curves. */
    public ClaimResult(String id, String displayName, String source, String statement, String hypothesis,
                       String metric, List<PaperValueRecord> paper, List<ArmResult> arms, TestResult test,
                       String verdict, String outcome, Map<String, String> parameters,
                       List<TrainingRunRecord> runs, List<Plot> plots, double wallSeconds, String note,
                       Statistics statistics, List<PremiseRecord> premises, String regime,
                       String statisticalVerdict, CurveRecord curve) {
        this(id, displayName, source, statement, hypothesis, metric, paper, arms, test, verdict, outcome,
                parameters, runs, plots, wallSeconds, note, statistics, premises, regime, statisticalVerdict, curve,
                null);
    }

    /** A claim without statistics, premises, regime or curve, as written before they existed. */
    public ClaimResult(String id, String displayName, String source, String statement, String hypothesis,
                       String metric, List<PaperValueRecord> paper, List<ArmResult> arms, TestResult test,
                       String verdict, String outcome, Map<String, String> parameters,
                       List<TrainingRunRecord> runs, List<Plot> plots, double wallSeconds, String note) {
        this(id, displayName, source, statement, hypothesis, metric, paper, arms, test, verdict, outcome,
                parameters, runs, plots, wallSeconds, note, null, null, null, null, null);
    }

    /** True if the premises were checked and at least one failed. */
    public boolean outsideRegime() {
        return OUTSIDE_REGIME.equals(regime) || OUTSIDE_REGIME.equals(verdict);
    }

    /** The premises that do not hold, in their order. */
    public List<PremiseRecord> failedPremises() {
        return premises.stream().filter(p -> !p.holds()).toList();
    }

    /**
     * The fewest seeds any arm (or curve point) was measured with: the n a power statement is
     * about. 0 if nothing was measured.
     */
    public int fewestSeeds() {
        List<ArmResult> measured = arms.isEmpty() && curve != null
                ? curve.points().stream().map(CurvePoint::arm).filter(Objects::nonNull).toList() : arms;
        return measured.stream().mapToInt(ArmResult::n).min().orElse(0);
    }
}
