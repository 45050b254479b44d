package org.kdclaims.reports.baseline;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunResults;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a run against the accepted baseline for the nightly job. Claims are matched by
 * id + display name (a repeated invocation is matched in order), arms by name. The
 * {@link ComparisonMode} decides what counts as a regression: with the baseline's seeds, any
 * verdict change, drift beyond tolerance or determinism break; with fresh seeds, only a verdict
 * that flips between SUPPORTED and REFUTED.
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    public static BaselineComparisonResult compare(RunResults baseline, RunResults current, Tolerances tol) {
        Tolerances t = tol == null ? Tolerances.defaults() : tol;
        ComparisonMode.Choice choice = ComparisonMode.choose(baseline.run(), current.run());
        ComparisonMode mode = choice.mode();
        List<Finding> findings = new ArrayList<>();
        Map<String, Deque<ClaimResult>> unmatched = byKey(baseline.claims());
        for (ClaimResult c : current.claims()) {
            Deque<ClaimResult> candidates = unmatched.get(key(c));
            ClaimResult b = candidates == null ? null : candidates.pollFirst();
            if (b == null) {
                findings.add(new Finding(Finding.Kind.NEW_CLAIM, c.id(), null,
                        named(c) + "not in the baseline (verdict " + c.verdict() + ")", false));
            } else {
                compareClaim(mode, b, c, t.forMetric(c.metric()), findings);
            }
        }
        unmatched.values().forEach(rest -> rest.forEach(b -> findings.add(new Finding(
                Finding.Kind.MISSING_CLAIM, b.id(), null,
                named(b) + "in the baseline (verdict " + b.verdict() + ") but not in this run", true))));
        SetupChange.of(baseline.run(), current.run()).ifPresent(findings::add);
        findings.addAll(DeterminismCheck.check(baseline, current, mode));
        return new BaselineComparisonResult(runId(baseline), runId(current), findings, mode, choice.reason());
    }

    private static void compareClaim(ComparisonMode mode, ClaimResult b, ClaimResult c, Tolerance tol,
                                     List<Finding> out) {
        VerdictStability.judge(mode, b, c, named(c)).ifPresent(out::add);
        Map<String, ArmResult> currentArms = new LinkedHashMap<>();
        c.arms().forEach(a -> currentArms.putIfAbsent(a.name(), a));
        for (ArmResult ba : b.arms()) {
            ArmResult ca = currentArms.remove(ba.name());
            if (ca == null) {
                out.add(new Finding(Finding.Kind.MISSING_ARM, c.id(), ba.name(),
                        named(c) + "arm missing in this run (baseline mean " + Fmt.num(ba.mean()) + ")", true));
            } else {
                out.add(drift(mode, c, ba, ca, tol));
            }
        }
        currentArms.values().forEach(ca -> out.add(new Finding(Finding.Kind.NEW_ARM, c.id(), ca.name(),
                named(c) + "new arm (mean " + Fmt.num(ca.mean()) + ")", false)));
    }

    /**
     * An arm mean's move against the seed-aware tolerance. On fresh seeds (replication) a move
     * beyond it is information ({@link Finding.Kind#REPLICATION_DRIFT}), not a regression: the
     * tolerance assumes the same seeds.
     */
    private static Finding drift(ComparisonMode mode, ClaimResult c, ArmResult b, ArmResult a, Tolerance tol) {
        double delta = a.mean() - b.mean();
        double limit = tol.threshold(b, a);
        boolean bothNaN = Double.isNaN(a.mean()) && Double.isNaN(b.mean());
        // a mean that became (or stopped being) NaN is a drift of unknown size: flag it
        boolean beyond = !bothNaN && (Double.isNaN(delta) || Math.abs(delta) > limit);
        String msg = named(c) + c.metric() + " mean " + Fmt.num(b.mean()) + " \u2192 " + Fmt.num(a.mean())
                + " (\u0394 " + signed(delta) + ", n " + b.n() + " \u2192 " + a.n() + ") "
                + (beyond ? "beyond" : "within") + " tolerance " + Fmt.num(limit);
        if (!beyond) {
            return new Finding(Finding.Kind.WITHIN_TOLERANCE, c.id(), a.name(), msg, false);
        }
        return mode == ComparisonMode.REPLICATION
                ? new Finding(Finding.Kind.REPLICATION_DRIFT, c.id(), a.name(), msg + " (fresh seeds)", false)
                : new Finding(Finding.Kind.METRIC_DRIFT, c.id(), a.name(), msg, true);
    }

    private static Map<String, Deque<ClaimResult>> byKey(List<ClaimResult> claims) {
        Map<String, Deque<ClaimResult>> m = new LinkedHashMap<>();
        claims.forEach(c -> m.computeIfAbsent(key(c), k -> new ArrayDeque<>()).addLast(c));
        return m;
    }

    private static String key(ClaimResult c) {
        return c.id() + "\u0000" + (c.displayName() == null ? "" : c.displayName());
    }

    /** "[display name] " when the display name says more than the id. */
    private static String named(ClaimResult c) {
        String d = c.displayName();
        return d == null || d.isBlank() || d.equals(c.id()) ? "" : "[" + d + "] ";
    }

    private static String signed(double d) {
        return Double.isNaN(d) ? Fmt.NONE : (d > 0 ? "+" : "") + Fmt.num(d);
    }

    private static String runId(RunResults r) {
        return r.run() == null ? null : r.run().runId();
    }
}
