package org.kdclaims.results.model;

/**
 * What a verdict replicated and the variance components its power rests on. A claim about teachers
 * ("bigger teachers are not better teachers") replicates teachers: each arm has {@code units}
 * teachers with {@code perUnit} students each, and the test runs on per-teacher means, so the
 * variance between teachers is part of the noise the verdict has to beat. Otherwise every seed is a
 * replication ({@code unit} "seed", {@code perUnit} 1).
 *
 * @param unit                    "teacher" or "seed"
 * @param units                   replications per arm: teachers, or seeds
 * @param perUnit                 students per teacher (1 when the unit is the seed)
 * @param betweenTeacherVariance  variance of the tested quantity (a paired difference, or an arm's value)
 *                                between teachers beyond what their students' spread explains, in the
 *                                metric's unit squared; null when it cannot be separated
 * @param withinTeacherVariance   variance between students of one teacher; null with one student per teacher
 * @param conditionalOnOneTeacher true when every arm's students share one teacher: the verdict is about
 *                                those teachers, not about how teachers are made
 * @param design                  one sentence, e.g. "3 teachers x 2 students per arm; paired t-test on
 *                                per-teacher means, paired by teacher seed"
 * @param needed                  how many teachers and students per teacher would detect the paper's
 *                                difference at 80 % power; null when the paper gives none
 */
public record Replication(String unit, int units, int perUnit, Double betweenTeacherVariance,
                          Double withinTeacherVariance, boolean conditionalOnOneTeacher, String design,
                          String needed) {
    public static final String UNIT_SEED = ArmResult.UNIT_SEED;
    public static final String UNIT_TEACHER = ArmResult.UNIT_TEACHER;
}
