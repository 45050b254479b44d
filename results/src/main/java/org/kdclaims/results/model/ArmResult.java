package org.kdclaims.results.model;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * One experimental arm (e.g. "student of WRN16-3, ESKD") measured over several seeds.
 * {@code values.get(i)} was measured with {@code seeds.get(i)}, by a student of the teacher with seed
 * {@code teacherSeeds.get(i)} (empty for an arm without teachers).
 * <p>{@code unit} is what the claim replicates: {@link #UNIT_TEACHER} when the test ran on per-teacher
 * means (a claim about teachers); then {@code mean} is the mean of those means and {@code sd} and the CI
 * are theirs, so the spread between teachers is in them. {@link #UNIT_SEED}: every value is a
 * replication; an arm whose students share one teacher is then conditional on that teacher
 * ({@link #conditionalOnOneTeacher()}). With a single unit {@code sd} and the CI are NaN.
 */
public record ArmResult(String name, List<Long> seeds, List<Double> values, double mean, double sd,
                        double ciLow, double ciHigh, String unit, List<Long> teacherSeeds,
                        List<TeacherRecord> teachers) {
    public static final String UNIT_SEED = "seed";
    public static final String UNIT_TEACHER = "teacher";

    public ArmResult {
        seeds = seeds == null ? List.of() : seeds;
        values = values == null ? List.of() : values;
        unit = unit == null ? UNIT_SEED : unit;
        teacherSeeds = teacherSeeds == null ? List.of() : teacherSeeds;
        teachers = teachers == null ? List.of() : teachers;
    }

    /** An arm whose every value is its own replication, without teachers recorded. */
    public ArmResult(String name, List<Long> seeds, List<Double> values, double mean, double sd, double ciLow,
            double ciHigh) {
        this(name, seeds, values, mean, sd, ciLow, ciHigh, UNIT_SEED, List.of(), List.of());
    }

    /** Number of seeds (students) measured. */
    public int n() {
        return values.size();
    }

    /** Number of replications the statistics rest on: teachers when {@code unit} is the teacher, else seeds. */
    public int units() {
        return UNIT_TEACHER.equals(unit) ? new LinkedHashSet<>(teacherSeeds).size() : n();
    }

    /** True when every student learned from one and the same teacher: the arm says nothing beyond that teacher. */
    public boolean conditionalOnOneTeacher() {
        return !teacherSeeds.isEmpty() && new LinkedHashSet<>(teacherSeeds).size() == 1 && n() > 1;
    }

    /** Half the width of the CI: what "mean ± x" shows. */
    public double halfCi() {
        return (ciHigh - ciLow) / 2;
    }
}
