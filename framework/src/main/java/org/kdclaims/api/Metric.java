package org.kdclaims.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.kdclaims.stats.VarianceComponents;

/**
 * A per-seed metric of one arm: the unit that claims compare. Pure data ({@code values[i]} was
 * measured with {@code seeds[i]}), so that the API does not depend on the extension that judges it:
 * {@link ClaimAssertions} hands it to the running claim's {@link ClaimVerdicts}.
 * <p>{@code units[i]} is the replication value i belongs to. In a claim about teachers
 * ({@code byTeacher}) that is its teacher's seed (for an arm without a teacher, the block of seeds
 * paired with that teacher), and the claim is judged on {@link #perUnit() per-teacher means};
 * otherwise it is the seed itself. {@code teacherSeeds[i]} is the seed of value i's teacher (empty
 * for an arm without one) and {@code teachers} describes each teacher, for the report.
 */
public record Metric(String arm, String name, long[] seeds, double[] values, long[] units, boolean byTeacher,
        long[] teacherSeeds, List<Arm.TeacherInfo> teachers) {
    public Metric {
        if (seeds.length != values.length || units.length != values.length) {
            throw new IllegalArgumentException(arm + " " + name + ": " + seeds.length + " seeds and " + units.length
                    + " units for " + values.length + " values");
        }
        if (teacherSeeds.length != 0 && teacherSeeds.length != values.length) {
            throw new IllegalArgumentException(arm + " " + name + ": " + teacherSeeds.length + " teacher seeds for "
                    + values.length + " values");
        }
        teachers = List.copyOf(teachers);
    }

    /** A metric whose every seed is its own replication, without teachers. */
    public Metric(String arm, String name, long[] seeds, double[] values) {
        this(arm, name, seeds, values, seeds.clone(), false, new long[0], List.of());
    }

    /** The same values with another arm name (a reference arm, such as a bound the paper states). */
    public Metric withValues(String otherArm, double[] otherValues) {
        return new Metric(otherArm, name, seeds, otherValues, units, byTeacher, new long[0], List.of());
    }

    /** True when every value's teacher is one and the same: the metric says nothing beyond that teacher. */
    public boolean conditionalOnOneTeacher() {
        return teacherSeeds.length > 1 && Arrays.stream(teacherSeeds).distinct().count() == 1;
    }

    /**
     * What the claim's test runs on: in a claim about teachers the mean of each teacher's students,
     * one value per teacher (its "seed" is the teacher's seed, so arms pair by teacher seed); otherwise
     * this metric itself.
     */
    public Metric perUnit() {
        if (!byTeacher) {
            return this;
        }
        Map<Long, List<Double>> groups = VarianceComponents.byUnit(units, values);
        long[] ids = groups.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] means = groups.values().stream().mapToDouble(VarianceComponents::mean).toArray();
        return new Metric(arm, name, ids, means, ids.clone(), false, teacherSeeds.length == 0 ? new long[0] : ids.clone(),
                teachers);
    }
}
