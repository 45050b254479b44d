package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The crossover rule on numbers checkable by hand. Every curve has 3 seeds, so each paired test has
 * df = 2, where Student's t has a closed form: {@code F(t) = 1/2 + t / (2 sqrt(2 + t^2))}. Differences
 * d = first - second of {-3, -2.5, -3.5} (mean -3, sd 0.5) give t = -6 sqrt(3) and p(d &lt; 0) = 0.004566;
 * {-1, -2, 0} (mean -1, sd 1) t = -sqrt(3), p = 0.112702; {2, 3, 1} (mean 2, sd 1) t = 2 sqrt(3),
 * p(d &gt; 0) = 0.037090.
 */
class CrossoverTest {
    private static final long[] SEEDS = {1, 2, 3};
    /** The scratch student's error per seed at epochs 10, 20, 40, 60 and 100 (100 = the end of training). */
    private static final int[] EPOCHS = {10, 20, 40, 60, 100};
    private static final double[][] SCRATCH = {{60, 62, 61}, {52, 53, 51}, {46, 47, 45}, {44, 45, 43}, {40, 41, 39}};

    /** F(t) of Student's t with 2 degrees of freedom. */
    private static double cdf2(double t) {
        return 0.5 + t / (2 * Math.sqrt(2 + t * t));
    }

    private static Curve scratch() {
        return curve("scratch", new double[EPOCHS.length][SEEDS.length]);
    }

    /** The scratch curve plus {@code d[e]} per seed at epoch index e. */
    private static Curve curve(String name, double[][] d) {
        List<Curve.Point> points = new ArrayList<>();
        for (int e = 0; e < EPOCHS.length; e++) {
            double[] v = new double[SEEDS.length];
            for (int s = 0; s < SEEDS.length; s++) {
                v[s] = SCRATCH[e][s] + d[e][s];
            }
            points.add(new Curve.Point("epoch " + EPOCHS[e], EPOCHS[e], SEEDS, v));
        }
        return new Curve(name, points);
    }

    private static final double[] MUCH_BELOW = {-3, -2.5, -3.5};
    private static final double[] BELOW = {-1, -2, 0};
    private static final double[] ABOVE = {1, 0, 2};
    private static final double[] MUCH_ABOVE = {3, 2.5, 3.5};
    private static final double[] CLEARLY_ABOVE = {2, 3, 1};
    private static final double[] CLEARLY_BELOW = {-2, -3, -1};
    private static final double[] NOISE = {1, -1, 0};

    @Test
    void theClosedFormMatchesTheTestsPValues() {
        assertThat(cdf2(-6 * Math.sqrt(3))).isCloseTo(0.004566, offset(1e-6));
        assertThat(cdf2(-Math.sqrt(3))).isCloseTo(0.112702, offset(1e-6));
        assertThat(1 - cdf2(2 * Math.sqrt(3))).isCloseTo(0.037090, offset(1e-6));
    }

    /** Below early (epoch 10, Holm p 3 x 0.004566), above at the end (p 0.037090): SUPPORTED. */
    @Test
    void aClearCrossoverIsSupported() {
        Curve kd = curve("fullKd", new double[][] {MUCH_BELOW, BELOW, ABOVE, CLEARLY_ABOVE, CLEARLY_ABOVE});
        CrossoverResult r = Crossover.crossesAbove(kd, scratch(), 0.05);

        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(r.earlyUntil()).isEqualTo(40);
        // epochs 10, 20 and 40 are early (40 % of 100, included); 60 is neither part; 100 is the final
        assertThat(r.early()).extracting(CrossoverResult.Tested::label).containsExactly("epoch 10", "epoch 20", "epoch 40");
        double p10 = cdf2(-6 * Math.sqrt(3));
        double p20 = cdf2(-Math.sqrt(3));
        double p40 = cdf2(Math.sqrt(3));
        assertThat(r.early().get(0).pBelow()).isCloseTo(p10, offset(1e-9));
        // Holm: 3 x smallest, then max(running, 2 x next), then max(running, 1 x largest)
        assertThat(r.early().get(0).adjustedBelow()).isCloseTo(3 * p10, offset(1e-9));
        assertThat(r.early().get(1).adjustedBelow()).isCloseTo(2 * p20, offset(1e-9));
        assertThat(r.early().get(2).adjustedBelow()).isCloseTo(p40, offset(1e-9));
        assertThat(r.best().label()).isEqualTo("epoch 10");
        assertThat(r.best().difference()).isCloseTo(-3, offset(1e-12));
        assertThat(r.late().label()).isEqualTo("epoch 100");
        assertThat(r.late().difference()).isCloseTo(2, offset(1e-12));
        double pFinal = 1 - cdf2(2 * Math.sqrt(3));
        assertThat(r.late().pAbove()).isCloseTo(pFinal, offset(1e-9));
        // intersection-union: the larger of the two parts' p decides, here the final epoch's
        assertThat(r.pValue()).isCloseTo(pFinal, offset(1e-9));
        assertThat(r.decisive()).isSameAs(r.late());
        assertThat(r.decisiveEarly()).isEqualTo(-1);
        assertThat(r.refutedBy()).isNull();
        assertThat(r.earlyPower().mdd()).isPositive();
        assertThat(r.earlyPower().alpha()).isCloseTo(0.05 / 3, offset(1e-12));
        assertThat(r.latePower().alpha()).isEqualTo(0.05);
        assertThat(r.power()).isEqualTo(r.latePower());
        assertThat(r.method()).contains(PairedComparison.METHOD, "Holm", "epochs <= 40", "3 tested");
        assertThat(r.describe()).contains("fullKd crosses above scratch", "best early epoch 10", "d -3.0000",
                "final epoch 100: d +2.0000", "SUPPORTED");
    }

    /** The first curve is still significantly below at the end (p 0.037090): no crossover, REFUTED. */
    @Test
    void aCurveThatStaysBelowIsRefuted() {
        Curve kd = curve("fullKd", new double[][] {MUCH_BELOW, BELOW, ABOVE, BELOW, CLEARLY_BELOW});
        CrossoverResult r = Crossover.crossesAbove(kd, scratch(), 0.05);

        assertThat(r.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(r.pValue()).isCloseTo(cdf2(-2 * Math.sqrt(3)), offset(1e-9));
        assertThat(r.decisive()).isSameAs(r.late());
        assertThat(r.refutedBy()).contains("no crossover");
        assertThat(r.describe()).contains("REFUTED", "no crossover");
    }

    /** Significantly above at every early epoch (the largest p(d > 0), epoch 40's, is 0.037090): REFUTED. */
    @Test
    void aCurveNeverBelowEarlyIsRefuted() {
        Curve kd = curve("fullKd", new double[][] {MUCH_ABOVE, MUCH_ABOVE, CLEARLY_ABOVE, ABOVE, ABOVE});
        CrossoverResult r = Crossover.crossesAbove(kd, scratch(), 0.05);

        assertThat(r.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(r.decisive().label()).isEqualTo("epoch 40");
        assertThat(r.decisiveEarly()).isEqualTo(2);
        assertThat(r.pValue()).isCloseTo(1 - cdf2(2 * Math.sqrt(3)), offset(1e-9));
        assertThat(r.refutedBy()).contains("never below early");
        // each early epoch at alpha (an intersection): the power is at alpha too
        assertThat(r.power().alpha()).isEqualTo(0.05);
    }

    @Test
    void noiseIsInconclusive() {
        Curve kd = curve("fullKd", new double[][] {NOISE, NOISE, NOISE, NOISE, NOISE});
        CrossoverResult r = Crossover.crossesAbove(kd, scratch(), 0.05);

        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.early()).allSatisfy(t -> assertThat(t.pBelow()).isCloseTo(0.5, offset(1e-12)));
        assertThat(r.refutedBy()).isNull();
    }

    /** Both parts must hold: a significant early dip with an undecided end is not a crossover yet. */
    @Test
    void belowEarlyButUndecidedAtTheEndIsInconclusive() {
        Curve kd = curve("fullKd", new double[][] {MUCH_BELOW, BELOW, ABOVE, NOISE, NOISE});
        CrossoverResult r = Crossover.crossesAbove(kd, scratch(), 0.05);

        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.best().adjustedBelow()).isLessThan(0.05);
        assertThat(r.decisive()).isSameAs(r.late());
        assertThat(r.pValue()).isCloseTo(0.5, offset(1e-12));
    }

    /**
     * d = {-3, -2, -4} at epoch 10 alone would be significant (t = -3 sqrt(3), p = 0.017543), but Holm over
     * three early epochs asks for 3 x 0.017543 = 0.0526 &lt; alpha: not significant, INCONCLUSIVE.
     */
    @Test
    void holmOverTheEarlyEpochsCanWithholdTheVerdict() {
        Curve kd = curve("fullKd", new double[][] {{-3, -2, -4}, NOISE, NOISE, CLEARLY_ABOVE, CLEARLY_ABOVE});
        CrossoverResult r = Crossover.crossesAbove(kd, scratch(), 0.05);

        double p10 = cdf2(-3 * Math.sqrt(3));
        assertThat(r.best().pBelow()).isCloseTo(p10, offset(1e-9)).isLessThan(0.05);
        assertThat(r.best().adjustedBelow()).isCloseTo(3 * p10, offset(1e-9)).isGreaterThan(0.05);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.decisiveEarly()).isZero();
        assertThat(r.pValue()).isCloseTo(3 * p10, offset(1e-9));
    }

    /** Values are paired by seed whatever their order, and only epochs both curves evaluated are tested. */
    @Test
    void pointsArePairedBySeedAndMatchedByEpoch() {
        Curve kd = curve("fullKd", new double[][] {MUCH_BELOW, BELOW, ABOVE, CLEARLY_ABOVE, CLEARLY_ABOVE});
        Curve s = scratch();
        List<Curve.Point> reordered = new ArrayList<>();
        for (Curve.Point p : s.points()) {
            if (p.x() == 20) {
                continue; // scratch was not evaluated at epoch 20
            }
            reordered.add(new Curve.Point(p.label(), p.x(), new long[] {3, 1, 2},
                    new double[] {p.values()[2], p.values()[0], p.values()[1]}));
        }
        CrossoverResult r = Crossover.crossesAbove(kd, new Curve("scratch", reordered), 0.05);

        assertThat(r.early()).extracting(CrossoverResult.Tested::label).containsExactly("epoch 10", "epoch 40");
        assertThat(r.best().difference()).isCloseTo(-3, offset(1e-12));
        assertThat(r.best().comparison().test()).isEqualTo(PairedComparison.METHOD);
        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void curvesWithoutAnEarlyEpochOrOfDifferentLengthsAreRefusedWithTheFix() {
        Curve onlyTheEnd = new Curve("fullKd", List.of(new Curve.Point("epoch 100", 100, SEEDS, new double[] {1, 2, 3})));
        Curve scratchEnd = new Curve("scratch", List.of(new Curve.Point("epoch 50", 50, SEEDS, new double[] {1, 2, 3}),
                new Curve.Point("epoch 100", 100, SEEDS, new double[] {1, 2, 3})));
        assertThatThrownBy(() -> Crossover.crossesAbove(onlyTheEnd, scratchEnd, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no evaluated epoch in the first 40 % of training")
                .hasMessageContaining("@LearningCurve(points = 10)");
        Curve shorter = new Curve("scratch", List.of(new Curve.Point("epoch 10", 10, SEEDS, new double[] {1, 2, 3}),
                new Curve.Point("epoch 50", 50, SEEDS, new double[] {1, 2, 3})));
        assertThatThrownBy(() -> Crossover.crossesAbove(curve("fullKd", new double[5][3]), shorter, 0.05))
                .hasMessageContaining("ends at epoch 100").hasMessageContaining("at epoch 50");
    }
}
