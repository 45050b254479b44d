package org.kdclaims.reports.baseline;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.reports.model.ArmResult;
import org.kdclaims.reports.model.ClaimResult;
import org.kdclaims.reports.model.RunInfo;
import org.kdclaims.reports.model.RunResults;
import org.kdclaims.reports.model.TrainingRunRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares a run against the accepted baseline for the nightly job. Claims are matched by
 * id + display name (a repeated invocation is matched in order), arms by name.
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    public static Comparison compare(RunResults baseline, RunResults current, Tolerances tol) {
        Tolerances t = tol == null ? Tolerances.defaults() : tol;
        List<Finding> findings = new ArrayList<>();
        Map<String, Deque<ClaimResult>> unmatched = byKey(baseline.claims());
        for (ClaimResult c : current.claims()) {
            Deque<ClaimResult> candidates = unmatched.get(key(c));
            ClaimResult b = candidates == null ? null : candidates.pollFirst();
            if (b == null) {
                findings.add(new Finding(Finding.Kind.NEW_CLAIM, c.id(), null,
                        named(c) + "not in the baseline (verdict " + c.verdict() + ")", false));
            } else {
                compareClaim(b, c, t.forMetric(c.metric()), findings);
            }
        }
        unmatched.values().forEach(rest -> rest.forEach(b -> findings.add(new Finding(
                Finding.Kind.MISSING_CLAIM, b.id(), null,
                named(b) + "in the baseline (verdict " + b.verdict() + ") but not in this run", true))));
        setupChange(baseline.run(), current.run()).ifPresent(findings::add);
        findings.addAll(determinism(baseline, current));
        return new Comparison(runId(baseline), runId(current), findings);
    }

    /**
     * What changed in how the run was made (scale, data, native build, threads). Informational:
     * the claim-level findings say whether the numbers moved; this says why they may have. A
     * baseline from another machine differs here, and its training runs have other config hashes,
     * so no determinism break is claimed for them (see {@link #determinism}).
     */
    private static java.util.Optional<Finding> setupChange(RunInfo b, RunInfo c) {
        if (b == null || c == null) {
            return java.util.Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        changed(changes, "scale", b.scale(), c.scale());
        changed(changes, "data", b.dataset(), c.dataset());
        changed(changes, "native build", b.nativeBuild(), c.nativeBuild());
        changed(changes, "threads", b.threads(), c.threads());
        if (changes.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(Finding.Kind.SETUP_CHANGED, null, null,
                "this run was made differently from the baseline: " + String.join("; ", changes)
                        + " (training runs whose config hash changed are not checked for determinism)", false));
    }

    private static void changed(List<String> out, String what, Object b, Object c) {
        if (!Objects.equals(b, c)) {
            out.add(what + " " + b + " \u2192 " + c);
        }
    }

    private static void compareClaim(ClaimResult b, ClaimResult c, Tolerance tol, List<Finding> out) {
        if (!Objects.equals(b.verdict(), c.verdict())) {
            out.add(new Finding(Finding.Kind.VERDICT_CHANGED, c.id(), null,
                    named(c) + "verdict " + b.verdict() + " \u2192 " + c.verdict(), true));
        }
        Map<String, ArmResult> currentArms = new LinkedHashMap<>();
        c.arms().forEach(a -> currentArms.putIfAbsent(a.name(), a));
        for (ArmResult ba : b.arms()) {
            ArmResult ca = currentArms.remove(ba.name());
            if (ca == null) {
                out.add(new Finding(Finding.Kind.MISSING_ARM, c.id(), ba.name(),
                        named(c) + "arm missing in this run (baseline mean " + Fmt.num(ba.mean()) + ")", true));
            } else {
                out.add(drift(c, ba, ca, tol));
            }
        }
        currentArms.values().forEach(ca -> out.add(new Finding(Finding.Kind.NEW_ARM, c.id(), ca.name(),
                named(c) + "new arm (mean " + Fmt.num(ca.mean()) + ")", false)));
    }

    private static Finding drift(ClaimResult c, ArmResult b, ArmResult a, Tolerance tol) {
        double delta = a.mean() - b.mean();
        double limit = tol.threshold(b, a);
        boolean bothNaN = Double.isNaN(a.mean()) && Double.isNaN(b.mean());
        // a mean that became (or stopped being) NaN is a drift of unknown size: flag it
        boolean beyond = !bothNaN && (Double.isNaN(delta) || Math.abs(delta) > limit);
        String msg = named(c) + c.metric() + " mean " + Fmt.num(b.mean()) + " \u2192 " + Fmt.num(a.mean())
                + " (\u0394 " + signed(delta) + ", n " + b.n() + " \u2192 " + a.n() + ") "
                + (beyond ? "beyond" : "within") + " tolerance " + Fmt.num(limit);
        return new Finding(beyond ? Finding.Kind.METRIC_DRIFT : Finding.Kind.WITHIN_TOLERANCE,
                c.id(), a.name(), msg, beyond);
    }

    /**
     * Same configHash and seed must give the same final metrics, bit for bit; checked across
     * all claims because the training cache shares runs between claims. The config hash includes
     * the native build and thread count, so runs from a baseline made on another build or with
     * other threads simply do not match and are not compared. One {@code DETERMINISM_CHECKED}
     * finding says how many runs could be checked.
     */
    private static List<Finding> determinism(RunResults baseline, RunResults current) {
        Map<String, TrainingRunRecord> before = new LinkedHashMap<>();
        baseline.claims().forEach(c -> c.runs().forEach(r -> {
            if (r.configHash() != null) {
                before.putIfAbsent(r.configHash() + "#" + r.seed(), r);
            }
        }));
        List<Finding> out = new ArrayList<>();
        Map<String, Boolean> reported = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ClaimResult c : current.claims()) {
            for (TrainingRunRecord r : c.runs()) {
                String k = r.configHash() + "#" + r.seed();
                seen.add(k);
                TrainingRunRecord b = r.configHash() == null ? null : before.get(k);
                if (b == null || reported.containsKey(k)) {
                    continue;
                }
                reported.put(k, true);
                String diff = metricDiff(b.finalMetrics(), r.finalMetrics());
                if (diff != null) {
                    out.add(new Finding(Finding.Kind.DETERMINISM_BREAK, c.id(), null,
                            r.role() + " " + r.arch() + " seed " + r.seed() + " (config " + r.configHash()
                                    + ", " + (r.fromCache() ? "cached" : "trained") + "): " + diff, true));
                }
            }
        }
        if (!seen.isEmpty()) {
            int checked = reported.size();
            out.add(new Finding(Finding.Kind.DETERMINISM_CHECKED, null, null, checked == 0
                    ? "no training run of this run has a config hash and seed that the baseline has: determinism"
                            + " not checked (a baseline made with another native build, thread count or setup)"
                    : checked + " of " + seen.size() + " training runs matched the baseline by config hash and seed; "
                            + (checked - out.size()) + " gave bit-identical final metrics", false));
        }
        return out;
    }

    /** Null if equal (NaN equals NaN), else a short description of what differs. */
    private static String metricDiff(Map<String, Double> b, Map<String, Double> c) {
        List<String> diffs = new ArrayList<>();
        for (String name : new TreeSet<>(union(b, c))) {
            Double x = b.get(name);
            Double y = c.get(name);
            if (x == null || y == null || Double.compare(x, y) != 0) {
                diffs.add(name + " " + (x == null ? "absent" : String.valueOf(x)) + " \u2192 "
                        + (y == null ? "absent" : String.valueOf(y)));
            }
        }
        return diffs.isEmpty() ? null : "final metrics differ: " + String.join("; ", diffs);
    }

    private static java.util.Set<String> union(Map<String, Double> a, Map<String, Double> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
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
