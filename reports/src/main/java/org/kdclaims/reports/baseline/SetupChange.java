package org.kdclaims.reports.baseline;

import org.kdclaims.results.model.RunInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed in how the run was made (scale, data, native build, threads, CPU instruction set,
 * seed base). Informational: the claim-level findings say whether the numbers moved; this says why
 * they may have. A missing CPU ISA on either side is reported too, because without it equal
 * numbers cannot be expected (see {@link DeterminismCheck}).
 */
final class SetupChange {
    private SetupChange() {
    }

    static Optional<Finding> of(RunInfo b, RunInfo c) {
        if (b == null || c == null) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        changed(changes, "scale", b.scale(), c.scale());
        changed(changes, "data", b.dataset(), c.dataset());
        changed(changes, "native build", b.nativeBuild(), c.nativeBuild());
        changed(changes, "threads", b.threads(), c.threads());
        changed(changes, "CPU ISA", isa(b), isa(c));
        changed(changes, "seed base", ComparisonMode.describe(b.seedBase()), ComparisonMode.describe(c.seedBase()));
        boolean isaUnknown = b.cpuIsa() == null || c.cpuIsa() == null;
        if (isaUnknown && Objects.equals(b.cpuIsa(), c.cpuIsa())) {
            changes.add("CPU ISA not recorded by either run");
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        String why = isaUnknown || !b.cpuIsa().equals(c.cpuIsa())
                ? "; numbers computed with another (or an unrecorded) CPU instruction set are not expected to be"
                        + " bit-identical: oneDNN dispatches to other kernels, which round differently, so"
                        + " determinism is not checked"
                : " (training runs whose config hash changed are not checked for determinism)";
        return Optional.of(new Finding(Finding.Kind.SETUP_CHANGED, null, null,
                "this run was made differently from the baseline: " + String.join("; ", changes) + why, false));
    }

    private static String isa(RunInfo r) {
        return r.cpuIsa() == null ? "unknown" : r.cpuIsa();
    }

    private static void changed(List<String> out, String what, Object b, Object c) {
        if (!Objects.equals(b, c)) {
            out.add(what + " " + b + " \u2192 " + c);
        }
    }
}
