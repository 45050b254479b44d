package org.kdclaims.results.model;

import java.util.List;

/**
 * A claim that one arm's learning curve crosses above another's (the paper's Fig. 3: full KD's student
 * is better than the scratch student early in training and worse at its end): both curves over the
 * evaluated epochs, and the tests the verdict rests on. {@code d = first - second} throughout.
 *
 * @param first       the arm claimed to cross above, e.g. "fullKd"
 * @param second      the other arm, e.g. "scratch"
 * @param earlyUntil  the last epoch of the early part (40 % of training)
 * @param firstCurve  the first arm's metric at each evaluated epoch (label "epoch 10", x = 10), the
 *                    points the verdict rests on marked
 * @param secondCurve the second arm's, likewise
 * @param tests       the tested epochs: the early ones in order, then the final one
 * @param rule        the decision rule, in words
 */
public record CrossoverRecord(String first, String second, double earlyUntil, List<CurvePoint> firstCurve,
                              List<CurvePoint> secondCurve, List<CrossoverEpoch> tests, String rule) {
    public static final String EARLY = "early";
    public static final String FINAL = "final";

    public CrossoverRecord {
        firstCurve = firstCurve == null ? List.of() : firstCurve;
        secondCurve = secondCurve == null ? List.of() : secondCurve;
        tests = tests == null ? List.of() : tests;
    }
}
