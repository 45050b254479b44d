package org.kdclaims.reports.baseline;

import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.TrainingRunRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Same configHash and seed must give the same final metrics, bit for bit; checked across all
 * claims because the training cache shares runs between claims. A difference is only called a
 * {@link Finding.Kind#DETERMINISM_BREAK} when both runs were made the same way down to the
 * instruction set: native build, thread count and CPU ISA equal and known on both sides. oneDNN
 * picks other kernels for another ISA (AVX-512 vs AVX2), which sum in another order, so such
 * numbers are not expected to be bit-identical even with equal config hashes. One
 * {@link Finding.Kind#DETERMINISM_CHECKED} finding says how many runs were checked, or why none.
 */
final class DeterminismCheck {
    private DeterminismCheck() {
    }

    static List<Finding> check(RunResults baseline, RunResults current, ComparisonMode mode) {
        boolean anyRun = current.claims().stream().anyMatch(c -> !c.runs().isEmpty());
        if (!anyRun) {
            return List.of();
        }
        Optional<String> notComparable = whyNotComparable(baseline.run(), current.run(), mode);
        if (notComparable.isPresent()) {
            return List.of(new Finding(Finding.Kind.DETERMINISM_CHECKED, null, null,
                    "determinism not checked: " + notComparable.get(), false));
        }
        return compareRuns(baseline, current);
    }

    /** Why bit-identical final metrics cannot be expected of these two runs; empty if they can. */
    static Optional<String> whyNotComparable(RunInfo b, RunInfo c, ComparisonMode mode) {
        if (mode == ComparisonMode.REPLICATION) {
            return Optional.of("this run used fresh seeds (replication mode)");
        }
        if (b == null || c == null) {
            return Optional.of("the " + (b == null ? "baseline" : "current") + " run's setup is unknown (no run.json)");
        }
        if (!Objects.equals(b.nativeBuild(), c.nativeBuild()) || b.threads() != c.threads()) {
            return Optional.of("another native build or thread count (see SETUP_CHANGED)");
        }
        if (b.cpuIsa() == null || c.cpuIsa() == null) {
            return Optional.of("the CPU instruction set of the " + (b.cpuIsa() == null ? "baseline" : "current")
                    + " run is not recorded, so equal results cannot be expected (see SETUP_CHANGED)");
        }
        if (!b.cpuIsa().equals(c.cpuIsa())) {
            return Optional.of("another CPU instruction set (" + b.cpuIsa() + " \u2192 " + c.cpuIsa()
                    + "; see SETUP_CHANGED)");
        }
        return Optional.empty();
    }

    private static List<Finding> compareRuns(RunResults baseline, RunResults current) {
        Map<String, TrainingRunRecord> before = new LinkedHashMap<>();
        baseline.claims().forEach(c -> c.runs().forEach(r -> {
            if (r.configHash() != null) {
                before.putIfAbsent(key(r), r);
            }
        }));
        List<Finding> out = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (ClaimResult c : current.claims()) {
            for (TrainingRunRecord r : c.runs()) {
                String k = key(r);
                seen.add(k);
                TrainingRunRecord b = r.configHash() == null ? null : before.get(k);
                if (b == null || !checked.add(k)) {
                    continue;
                }
                String diff = metricDiff(b.finalMetrics(), r.finalMetrics());
                if (diff != null) {
                    out.add(new Finding(Finding.Kind.DETERMINISM_BREAK, c.id(), null,
                            r.role() + " " + r.arch() + " seed " + r.seed() + " (config " + r.configHash()
                                    + ", " + (r.fromCache() ? "cached" : "trained") + "): " + diff, true));
                }
            }
        }
        int breaks = out.size();
        out.add(new Finding(Finding.Kind.DETERMINISM_CHECKED, null, null, checked.isEmpty()
                ? "no training run of this run has a config hash and seed that the baseline has: determinism"
                        + " not checked (a baseline made with another native build, thread count or setup)"
                : checked.size() + " of " + seen.size() + " training runs matched the baseline by config hash and seed; "
                        + (checked.size() - breaks) + " gave bit-identical final metrics", false));
        return out;
    }

    private static String key(TrainingRunRecord r) {
        return r.configHash() + "#" + r.seed();
    }

    /** Null if equal (NaN equals NaN), else a short description of what differs. */
    private static String metricDiff(Map<String, Double> b, Map<String, Double> c) {
        Set<String> names = new TreeSet<>(b.keySet());
        names.addAll(c.keySet());
        List<String> diffs = new ArrayList<>();
        for (String name : names) {
            Double x = b.get(name);
            Double y = c.get(name);
            if (x == null || y == null || Double.compare(x, y) != 0) {
                diffs.add(name + " " + (x == null ? "absent" : String.valueOf(x)) + " \u2192 "
                        + (y == null ? "absent" : String.valueOf(y)));
            }
        }
        return diffs.isEmpty() ? null : "final metrics differ: " + String.join("; ", diffs);
    }
}
