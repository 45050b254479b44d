package org.kdclaims.extension;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

import org.kdclaims.annotations.Seeds;
import org.kdclaims.extension.ClaimPlan.ArmPlan;

/**
 * What a claim replicates, from its {@code @Seeds} and its arms. A claim about teachers (any arm is
 * distilled) replicates {@link Mode#TEACHERS teachers}: each arm trains one teacher per replication
 * (seed base + t) with {@code perTeacher} students (seeds base + t * perTeacher + j), and the claim is
 * judged on per-teacher means paired by teacher seed. {@link Mode#ONE_TEACHER} is the declared
 * exception, every student of an arm learning from the teacher of seed base, whose verdict is
 * conditional on that teacher. A claim without teachers replicates {@link Mode#SEEDS seeds}.
 * Student seeds are laid out the same way in every mode, so an arm without a teacher pairs with a
 * distilled arm student by student, and teacher t's students form the block that pairs with it.
 */
record ReplicationDesign(Mode mode, int perTeacher) {

    enum Mode { SEEDS, TEACHERS, ONE_TEACHER }

    /** The design a claim declares; an impossible or accidental one (one teacher for a claim about teachers) names the fix. */
    static ReplicationDesign of(Method method, Seeds seeds, List<ArmPlan> arms, int initialUnits) {
        if (initialUnits < 1) {
            throw ClaimPlan.invalid(method, "has @Seeds(" + seeds.value() + "): use at least 1 seed (3 or more for a"
                    + " verdict)");
        }
        boolean teachers = arms.stream().anyMatch(a -> a.teacher() != null);
        if (seeds.perTeacher() < 1) {
            throw ClaimPlan.invalid(method, "has @Seeds(perTeacher = " + seeds.perTeacher()
                    + "): a teacher needs at least one student");
        }
        if (!teachers && (seeds.oneTeacher() || seeds.perTeacher() > 1)) {
            throw ClaimPlan.invalid(method, "has @Seeds(" + (seeds.oneTeacher() ? "oneTeacher = true" : "perTeacher = "
                    + seeds.perTeacher()) + ") but no arm has a teacher: remove it, every seed is a replication");
        }
        if (seeds.oneTeacher()) {
            if (seeds.perTeacher() > 1) {
                throw ClaimPlan.invalid(method, "has @Seeds(oneTeacher = true, perTeacher = " + seeds.perTeacher()
                        + "): with one teacher the seed count is its students; give @Seeds(value = n, oneTeacher = true)");
            }
            return new ReplicationDesign(Mode.ONE_TEACHER, 1);
        }
        if (!teachers) {
            return new ReplicationDesign(Mode.SEEDS, 1);
        }
        if (initialUnits < 2) {
            throw ClaimPlan.invalid(method, "is a claim about teachers with @Seeds(" + initialUnits + "): one teacher per"
                    + " arm makes the verdict a statement about that teacher, not about how teachers are made. Train"
                    + " several, e.g. @Seeds(3) (3 teachers per arm) or @Seeds(value = 3, perTeacher = 2), or declare"
                    + " @Seeds(value = 3, oneTeacher = true) to run conditional on one teacher");
        }
        return new ReplicationDesign(Mode.TEACHERS, seeds.perTeacher());
    }

    /** The claim is judged on per-teacher means. */
    boolean byTeacher() {
        return mode == Mode.TEACHERS;
    }

    /** Teachers per arm (for an arm without teachers: blocks of students) at {@code units} replications. */
    int teachers(int units) {
        return mode == Mode.ONE_TEACHER ? 1 : units;
    }

    /** Students per teacher (per block) at {@code units} replications. */
    int studentsPerTeacher(int units) {
        return switch (mode) {
            case ONE_TEACHER -> units;
            case TEACHERS -> perTeacher;
            case SEEDS -> 1;
        };
    }

    /** The seed of teacher {@code t}. */
    long teacherSeed(long base, int t) {
        return base + t;
    }

    /** The seed of student {@code j} of teacher (block) {@code t}. */
    long studentSeed(long base, int units, int t, int j) {
        return base + (long) t * studentsPerTeacher(units) + j;
    }

    /** The replication student {@code j} of teacher (block) {@code t} belongs to. */
    long unit(long base, int units, int t, int j) {
        return byTeacher() ? teacherSeed(base, t) : studentSeed(base, units, t, j);
    }

    /** e.g. "3 teachers x 2 students per arm", "3 seeds, one teacher (conditional on it)". */
    String describe(int units, long base) {
        return switch (mode) {
            case TEACHERS -> String.format(Locale.ROOT, "%d teachers x %d student%s per arm, teacher seeds from %d",
                    units, perTeacher, perTeacher == 1 ? "" : "s", base);
            case ONE_TEACHER -> String.format(Locale.ROOT, "%d seeds from %d, one teacher per arm (seed %d): verdict"
                    + " conditional on that teacher", units, base, base);
            case SEEDS -> units + " from " + base;
        };
    }
}
