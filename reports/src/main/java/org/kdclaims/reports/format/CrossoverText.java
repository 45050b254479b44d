package org.kdclaims.reports.format;

import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CrossoverEpoch;
import org.kdclaims.results.model.CrossoverRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A crossover claim's two decisive numbers in words, the best early epoch's and the final epoch's
 * (d = first - second), written once for the report's statistics, its one-line finding and Allure: a
 * crossover rests on both, so neither alone may stand for the verdict. Plain text; callers escape it.
 */
public final class CrossoverText {
    private CrossoverText() {
    }

    /** The labelled rows the statistics show for a crossover; empty for any other claim. */
    static List<VerdictText.Row> rows(ClaimResult c) {
        List<VerdictText.Row> rows = new ArrayList<>();
        CrossoverRecord x = c.crossover();
        if (x == null) {
            return rows;
        }
        String unit = unit(c.metric());
        best(x).ifPresent(e -> rows.add(new VerdictText.Row("best early epoch (d < 0)", early(e, unit))));
        last(x).ifPresent(e -> rows.add(new VerdictText.Row("final epoch (d > 0)", late(e, unit))));
        rows.add(new VerdictText.Row("decision rule", x.rule()));
        return rows;
    }

    /** "fullKd − scratch: −1.2 points [−2, −0.4] at epoch 10, +0.8 points [0.1, 1.5] at epoch 100". */
    static Optional<String> finding(ClaimResult c) {
        CrossoverRecord x = c.crossover();
        if (x == null) {
            return Optional.empty();
        }
        Optional<CrossoverEpoch> best = best(x);
        Optional<CrossoverEpoch> last = last(x);
        if (best.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        String unit = unit(c.metric());
        return Optional.of(x.first() + " \u2212 " + x.second() + ": " + difference(best.get(), unit) + " at "
                + best.get().label() + ", " + difference(last.get(), unit) + " at " + last.get().label());
    }

    /** The most significant early epoch. */
    public static Optional<CrossoverEpoch> best(CrossoverRecord x) {
        return x.tests().stream().filter(e -> CrossoverRecord.EARLY.equals(e.part()) && e.best()).findFirst();
    }

    /** The final epoch's test. */
    public static Optional<CrossoverEpoch> last(CrossoverRecord x) {
        return x.tests().stream().filter(e -> CrossoverRecord.FINAL.equals(e.part())).findFirst();
    }

    /** "epoch 10: d = −1.2 [−2, −0.4], Holm-adjusted p(d < 0) 0.013, detectable 0.9". */
    public static String early(CrossoverEpoch e, String unit) {
        return e.label() + ": d = " + difference(e, unit) + ", Holm-adjusted p(d < 0) " + Fmt.p(e.pBelowAdjusted())
                + " (unadjusted " + Fmt.p(e.pBelow()) + "), detectable " + Fmt.num(e.detectableDifference())
                + (e.decisive() ? "; decisive" : "");
    }

    /** "epoch 100: d = +0.8 [0.1, 1.5], p(d > 0) 0.02, p(d < 0) 0.98, detectable 0.7". */
    public static String late(CrossoverEpoch e, String unit) {
        return e.label() + ": d = " + difference(e, unit) + ", p(d > 0) " + Fmt.p(e.pAbove()) + ", p(d < 0) "
                + Fmt.p(e.pBelow()) + ", detectable " + Fmt.num(e.detectableDifference())
                + (e.decisive() ? "; decisive" : "");
    }

    private static String difference(CrossoverEpoch e, String unit) {
        return (e.difference() > 0 ? "+" : "") + Fmt.num(e.difference()) + unit + " [" + Fmt.num(e.ciLow()) + ", "
                + Fmt.num(e.ciHigh()) + "]";
    }

    /** Differences of percentages are percentage points. */
    private static String unit(String metric) {
        return metric != null && metric.contains("%") ? " points" : "";
    }
}
