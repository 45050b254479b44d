package org.kdclaims.reports.format;

import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.PremiseRecord;
import org.kdclaims.results.model.Replication;
import org.kdclaims.results.model.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentences and labelled values that explain a verdict, written once so that the HTML report,
 * the Allure result and the terminal say the same thing in the same words. Plain text: each
 * caller escapes it for its own format.
 */
public final class VerdictText {
    /** A labelled value of the statistics, e.g. ("difference", "-0.457 [-0.62, -0.29] vs margin 0"). */
    public record Row(String label, String value) {
    }

    private VerdictText() {
    }

    /** The statistics as labelled values, in reading order; rows without a value are left out. */
    public static List<Row> rows(ClaimResult c) {
        Statistics s = c.statistics();
        List<Row> rows = new ArrayList<>();
        if (s == null) {
            return rows;
        }
        add(rows, "test", s.test());
        add(rows, "pairing", s.pairing() == null ? null
                : s.pairing() + (s.correlation() == null ? "" : ", correlation " + Fmt.num(s.correlation())));
        add(rows, "difference (95 % CI)", Fmt.num(s.difference()) + " [" + Fmt.num(s.differenceCiLow()) + ", "
                + Fmt.num(s.differenceCiHigh()) + "] vs margin " + Fmt.num(s.margin()));
        add(rows, "p value", Fmt.p(s.pValue()) + " (\u03b1 = " + Fmt.num(s.alpha()) + ")");
        add(rows, "detectable at 80 % power", Double.isFinite(s.detectableDifference())
                ? Fmt.num(s.detectableDifference()) + " with " + seeds(c)
                : "not computable with " + seeds(c) + " (no spread between them)");
        add(rows, "paper's difference", s.paperDifference() == null ? "not given by the paper"
                : Fmt.num(s.paperDifference()));
        add(rows, "can detect the paper's effect", s.canDetectPaperEffect() == null ? null
                : s.canDetectPaperEffect() ? "yes" : "no");
        if (ClaimResult.INCONCLUSIVE.equals(effectiveVerdict(c))) {
            seedsNeeded(c).ifPresent(n -> add(rows, "seeds to detect the paper's difference", n));
        }
        // a crossover rests on two tests: both are shown, not only the one that decided
        rows.addAll(CrossoverText.rows(c));
        replication(s.replication(), rows);
        add(rows, "multiplicity", s.multiplicity());
        add(rows, "sequential design", s.sequential());
        return rows;
    }

    /** The replication design and its variance components, when the results record them. */
    private static void replication(Replication r, List<Row> rows) {
        if (r == null) {
            return;
        }
        add(rows, "replication design", r.design());
        add(rows, "replications per arm", Replication.UNIT_TEACHER.equals(r.unit())
                ? r.units() + (r.units() == 1 ? " teacher" : " teachers") + " \u00d7 " + r.perUnit()
                        + (r.perUnit() == 1 ? " student" : " students") + " per teacher"
                : r.units() + (r.units() == 1 ? " seed" : " seeds"));
        add(rows, "between-teacher variance", r.betweenTeacherVariance() == null ? null
                : Fmt.num(r.betweenTeacherVariance()));
        add(rows, "within-teacher variance", r.withinTeacherVariance() == null ? null
                : Fmt.num(r.withinTeacherVariance()));
        add(rows, "to detect the paper's difference", r.needed());
        add(rows, "conditional on one teacher", r.conditionalOnOneTeacher() ? "yes: " + CONDITIONAL_WHY : null);
    }

    /** Why a claim on one teacher is marked: its verdict does not generalise beyond that teacher. */
    public static final String CONDITIONAL_WHY =
            "every student learned from one teacher, so the verdict is about that teacher, not about teachers";

    /**
     * True when the verdict rests on one teacher: the replication says so, or (results without a
     * replication design) every arm that records teachers has one teacher for all its students.
     */
    public static boolean conditionalOnOneTeacher(ClaimResult c) {
        Statistics s = c.statistics();
        if (s != null && s.replication() != null) {
            return s.replication().conditionalOnOneTeacher();
        }
        List<ArmResult> withTeachers = arms(c).stream().filter(a -> !a.teacherSeeds().isEmpty()).toList();
        return !withTeachers.isEmpty() && withTeachers.stream().allMatch(ArmResult::conditionalOnOneTeacher);
    }

    /** The arms of a two-arm claim, or the measured points of a curve claim. */
    public static List<ArmResult> arms(ClaimResult c) {
        if (!c.arms().isEmpty() || c.curve() == null) {
            return c.arms();
        }
        return c.curve().points().stream().map(CurvePoint::arm).filter(Objects::nonNull).toList();
    }

    /**
     * "This test could not detect the paper's effect (x points); it detects y points at 80 % power
     * with n seeds." when the statistics say so; empty otherwise.
     */
    public static Optional<String> detectabilityWarning(ClaimResult c) {
        Statistics s = c.statistics();
        if (s == null || !s.missesPaperEffect()) {
            return Optional.empty();
        }
        String detects = Double.isFinite(s.detectableDifference())
                ? "it detects " + points(s.detectableDifference()) + " at 80 % power with " + seeds(c)
                : "with " + seeds(c) + " and no spread between them, no detectable difference can be computed";
        return Optional.of("This test could not detect the paper's effect (" + points(s.paperDifference()) + "); "
                + detects + ".");
    }

    /** How many seeds per arm would detect the paper's difference, as a phrase; empty if unknown. */
    public static Optional<String> seedsNeeded(ClaimResult c) {
        Statistics s = c.statistics();
        if (s == null || s.seedsToDetectPaper() == null) {
            return Optional.empty();
        }
        if (s.seedsToDetectPaper() == Statistics.UNREACHABLE) {
            return Optional.of("unreachable: no affordable number of seeds detects the paper's difference");
        }
        Replication r = s.replication();
        if (r != null && Replication.UNIT_TEACHER.equals(r.unit())) {
            // with teachers as the unit the count is of teachers, each with perUnit students
            return Optional.of(s.seedsToDetectPaper() + " teachers per arm \u00d7 " + r.perUnit()
                    + " students each (80 % power)");
        }
        return Optional.of(s.seedsToDetectPaper() + " seeds per arm (80 % power)");
    }

    /**
     * For a claim outside the paper's regime: which premises failed, with our numbers, and what the
     * statistics alone said. Empty for a claim in the regime or not checked.
     */
    public static Optional<String> regimeNotice(ClaimResult c) {
        if (!c.outsideRegime()) {
            return Optional.empty();
        }
        List<PremiseRecord> failed = c.failedPremises();
        String premises = failed.isEmpty() ? "a premise of the paper does not hold"
                : "failed premise" + (failed.size() == 1 ? "" : "s") + ": " + failed.stream()
                        .map(VerdictText::premise).collect(Collectors.joining("; "));
        return Optional.of("Outside the paper's regime: " + premises + ". The verdict is not evidence for or"
                + " against the paper" + (c.statisticalVerdict() == null ? "."
                : "; the statistics alone said " + c.statisticalVerdict() + "."));
    }

    /** "teacher more accurate than student (observed 58.3, threshold 56 % test error)". */
    public static String premise(PremiseRecord p) {
        return p.name() + " (observed " + Fmt.num(p.observed()) + ", threshold " + Fmt.num(p.threshold())
                + (p.unit() == null || p.unit().isBlank() ? "" : " " + p.unit()) + ")";
    }

    /** The statistical verdict of a claim outside the regime, else the verdict. */
    public static String effectiveVerdict(ClaimResult c) {
        return c.outsideRegime() && c.statisticalVerdict() != null ? c.statisticalVerdict() : c.verdict();
    }

    /** What the test's n counts: teachers when the claim replicated teachers, else seeds. */
    private static String seeds(ClaimResult c) {
        Replication r = c.statistics() == null ? null : c.statistics().replication();
        if (r != null && Replication.UNIT_TEACHER.equals(r.unit())) {
            return r.units() + (r.units() == 1 ? " teacher" : " teachers") + " (" + r.perUnit() + " student"
                    + (r.perUnit() == 1 ? "" : "s") + " each)";
        }
        int n = c.fewestSeeds();
        return n + (n == 1 ? " seed" : " seeds");
    }

    private static String points(Double d) {
        return d == null ? Fmt.NONE + " points" : Fmt.num(Math.abs(d)) + " points";
    }

    private static void add(List<Row> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new Row(label, value));
        }
    }
}
