package org.kdclaims.results.events;

/**
 * A claim invocation that is about to be judged (its models are in the store; nothing has been
 * recorded yet).
 *
 * @param id          claim id, e.g. "C4"
 * @param displayName the invocation's name, e.g. "eskdBeatsFullKd [teacherStop=0.5]"
 * @param source      where in the paper, e.g. "Table 3"
 * @param statement   the paper's claim in words
 */
public record ClaimStart(String id, String displayName, String source, String statement) {
}
