package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.kdclaims.annotations.Premise;
import org.kdclaims.extension.PremiseCheck.ScratchFacts;
import org.kdclaims.extension.PremiseCheck.TeacherFacts;
import org.kdclaims.results.model.PremiseRecord;
import org.kdclaims.stats.SizeTrend;

/**
 * {@link Premise#TEACHERS_IMPROVE_WITH_SIZE} on the facts {@link PremiseCheck} is given: every fully
 * trained teacher and every student trained alone is one observation (its test error at x = log2 of
 * its parameter count, each model key once); it holds when the slope of error on x is significantly
 * negative (a), or when no larger size has a higher mean error than a smaller one (b). Pure.
 */
final class SizePremise {
    static final String UNIT = "points per doubling of parameters";

    private SizePremise() {
    }

    /** A model compared: its architecture, parameter count and test error (percent). */
    private record Model(String arch, long parameters, double testError) {
    }

    static PremiseRecord check(List<TeacherFacts> teachers, List<ScratchFacts> scratch) {
        Premise p = Premise.TEACHERS_IMPROVE_WITH_SIZE;
        Map<String, Model> byKey = new LinkedHashMap<>();
        for (TeacherFacts t : teachers) {
            TeacherFacts full = t.fullyTrained();
            byKey.putIfAbsent(full.key(), model(full.label(), full.arch(), full.parameters(), full.testError()));
        }
        for (ScratchFacts s : scratch) {
            byKey.putIfAbsent(s.key(), model(s.label(), s.arch(), s.parameters(), s.testError()));
        }
        List<Model> models = List.copyOf(byKey.values());
        // the architectures at each parameter count, in ascending count (two of the same count share a level)
        TreeMap<Long, Set<String>> archs = new TreeMap<>();
        models.forEach(m -> archs.computeIfAbsent(m.parameters(), k -> new LinkedHashSet<>()).add(m.arch()));
        if (archs.size() == 1) {
            return PremiseCheck.row(p, String.format(Locale.ROOT, "every model compared is one size (%s, %d fully "
                    + "trained teachers and students trained alone): there is no larger model to compare",
                    name(archs.firstEntry().getValue(), archs.firstKey()), models.size()), Double.NaN, Double.NaN,
                    UNIT, true);
        }
        double[] x = models.stream().mapToDouble(m -> log2(m.parameters())).toArray();
        double[] y = models.stream().mapToDouble(Model::testError).toArray();
        SizeTrend trend = SizeTrend.of(x, y);
        List<String> names = new ArrayList<>();
        archs.forEach((count, a) -> names.add(name(a, count)));
        boolean a = trend.fallsSignificantly(Premise.SIZE_TREND_ALPHA);
        Optional<SizeTrend.Inversion> worst = trend.worstInversion();
        boolean b = worst.isEmpty();
        String statement = String.format(Locale.ROOT, "test error falls with model size (fully trained teachers and "
                + "students trained alone, each model once; x = log2 of its parameter count): slope %+.3f points per "
                + "doubling, one-sided p = %s (n = %d); mean test error by size: %s; %s", trend.slope(),
                p(trend.pDecreasing()), trend.n(), levels(trend, names), outcome(trend, a, worst, names));
        return PremiseCheck.row(p, statement, trend.slope(), 0, UNIT, a || b);
    }

    private static Model model(String label, String arch, long parameters, double testError) {
        if (parameters <= 0) {
            throw new IllegalArgumentException("no parameter count for " + label + " (" + arch + ")");
        }
        return new Model(arch, parameters, testError);
    }

    private static double log2(long parameters) {
        return Math.log(parameters) / Math.log(2);
    }

    private static String levels(SizeTrend trend, List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            SizeTrend.Level l = trend.levels().get(i);
            out.add(String.format(Locale.ROOT, "%s %.2f %% (n = %d)", names.get(i), l.mean(), l.n()));
        }
        return String.join(", ", out);
    }

    /** Which of (a), (b) held, or why neither did. */
    private static String outcome(SizeTrend trend, boolean a, Optional<SizeTrend.Inversion> worst,
            List<String> names) {
        String aHolds = "the slope is significantly negative (p < " + Premise.SIZE_TREND_ALPHA + ")";
        String aFails;
        if (!trend.testable()) {
            aFails = "the slope cannot be tested on " + trend.n() + " models (needs 3)";
        } else if (!(trend.slope() < 0)) {
            aFails = "the slope is not negative";
        } else {
            aFails = "the slope is not significant (p = " + p(trend.pDecreasing()) + ", alpha "
                    + Premise.SIZE_TREND_ALPHA + ")";
        }
        if (worst.isEmpty()) {
            return a ? "(a) and (b) hold: " + aHolds + ", and no larger size is worse"
                    : "(b) holds: no larger size is worse; (a) does not: " + aFails;
        }
        String inversion = inversion(trend, worst.get(), names);
        return a ? "(a) holds: " + aHolds + "; (b) does not: " + inversion
                : "neither holds: (a) " + aFails + "; (b) " + inversion;
    }

    private static String inversion(SizeTrend trend, SizeTrend.Inversion w, List<String> names) {
        String larger = names.get(trend.levels().indexOf(w.larger()));
        String smaller = names.get(trend.levels().indexOf(w.smaller()));
        return String.format(Locale.ROOT, "%s (%.2f %%) is worse than the smaller %s (%.2f %%) by %.2f points",
                larger, w.larger().mean(), smaller, w.smaller().mean(), w.excess());
    }

    /** "wrn-16-2 [692k]": the architecture(s) of one size and its parameter count. */
    private static String name(Set<String> archs, long parameters) {
        String count = parameters < 10_000 ? Long.toString(parameters)
                : parameters < 1_000_000 ? String.format(Locale.ROOT, "%.0fk", parameters / 1e3)
                : String.format(Locale.ROOT, "%.2fM", parameters / 1e6);
        return archs.stream().collect(Collectors.joining("/")) + " [" + count + "]";
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p != 0 && p < 1e-3 ? String.format(Locale.ROOT, "%.2e", p)
                : String.format(Locale.ROOT, "%.3g", p);
    }
}
