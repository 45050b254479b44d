package org.kdclaims.results.model;

/**
 * One teacher of an arm, as the report lists it above its students: the teacher's seed (the unit
 * of replication of a claim about teachers), what it is, and its own test error.
 *
 * @param seed      the teacher's seed; its students are the arm's values whose teacher seed is this
 * @param label     e.g. "wrn-10-3 seed 2 distilled from wrn-10-8 seed 2"
 * @param testError the teacher's own final test error in percent (of the checkpoint its students
 *                  learn from); null when not measured
 */
public record TeacherRecord(long seed, String label, Double testError) {
}
