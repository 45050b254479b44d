package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kdclaims.stats.StatsGolden.doubles;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every statistic against scipy (fixtures/golden/stats.py). */
class GoldenStatsTest {
    private static final JsonNode G = StatsGolden.read();

    @Test
    void pairedTTestMatchesScipyTtestRel() {
        for (JsonNode c : G.get("paired")) {
            double[] a = doubles(c.get("a"));
            double[] b = doubles(c.get("b"));
            PairedComparison p = c.has("margin")
                    ? PairedComparison.notLowerThan("a", a, "b", b, c.get("margin").asDouble(), 0.05)
                    : PairedComparison.lessThan("a", a, "b", b, 0.05);
            assertThat(p.n()).isEqualTo(c.get("n").asInt());
            assertThat(p.meanDifference()).isCloseTo(c.get("meanDiff").asDouble(), within(1e-12));
            assertThat(p.sdDifference()).isCloseTo(c.get("sdDiff").asDouble(), within(1e-12));
            assertThat(p.differenceCiLow()).isCloseTo(c.get("ciLow").asDouble(), within(1e-9));
            assertThat(p.differenceCiHigh()).isCloseTo(c.get("ciHigh").asDouble(), within(1e-9));
            assertThat(p.correlation()).isCloseTo(c.get("r").asDouble(), within(1e-12));
            assertThat(p.effectSize()).isCloseTo(c.get("dz").asDouble(), within(1e-10));
            assertThat(p.t()).isCloseTo(c.get("t").asDouble(), within(1e-9));
            assertThat(p.df()).isEqualTo(c.get("df").asDouble());
            assertThat(p.pValue()).isCloseTo(c.get("p").asDouble(), within(1e-10));
            assertThat(p.pOpposite()).isCloseTo(c.get("pOpposite").asDouble(), within(1e-10));
            assertThat(p.test()).isEqualTo("paired t-test, one-sided");
        }
    }

    @Test
    void noncentralTCdfMatchesScipyNct() {
        for (JsonNode c : G.get("nct")) {
            double got = NoncentralT.cdf(c.get("t").asDouble(), c.get("df").asDouble(), c.get("ncp").asDouble());
            assertThat(got).as("nct.cdf(%s)", c).isCloseTo(c.get("cdf").asDouble(), within(1e-10));
        }
    }

    @Test
    void pairedPowerMddAndRequiredNMatchScipy() {
        for (JsonNode c : G.get("powerPaired")) {
            Power p = PowerAnalysis.paired(c.get("n").asInt(), c.get("sd").asDouble(), c.get("alpha").asDouble(),
                    c.get("effect").asDouble());
            check(p, c);
        }
    }

    @Test
    void welchPowerMddAndRequiredNMatchScipy() {
        for (JsonNode c : G.get("powerWelch")) {
            Power p = PowerAnalysis.welch(c.get("nA").asInt(), c.get("sdA").asDouble(), c.get("nB").asInt(),
                    c.get("sdB").asDouble(), c.get("alpha").asDouble(), c.get("effect").asDouble());
            check(p, c);
        }
    }

    private static void check(Power p, JsonNode c) {
        assertThat(p.mdd()).as("mdd %s", c).isCloseTo(c.get("mdd").asDouble(), within(1e-8 * c.get("mdd").asDouble()));
        assertThat(p.powerAtEffect()).as("power %s", c).isCloseTo(c.get("power").asDouble(), within(1e-9));
        if (c.get("required").isNull()) {
            assertThat(p.reachable()).as("required %s", c).isFalse();
            assertThat(p.describe()).contains("not reachable with 1000 seeds");
        } else {
            assertThat(p.requiredN()).as("required %s", c).hasValue(c.get("required").asInt());
        }
        // at the MDD the power is the level, by definition
        assertThat(p.level()).isEqualTo(0.8);
    }

    @Test
    void holmMatchesTheDefinition() {
        for (JsonNode c : G.get("holm")) {
            assertThat(Holm.adjust(doubles(c.get("p")))).containsExactly(doubles(c.get("adjusted")), within(1e-15));
        }
    }

    @Test
    void pooledSlopeMatchesLinregress() {
        for (JsonNode c : G.get("trendPooled")) {
            Trend t = Trend.of(curve(c.get("points"), false));
            assertThat(t.method()).isEqualTo(Trend.POOLED);
            assertThat(t.slope()).isCloseTo(c.get("slope").asDouble(), within(1e-12));
            assertThat(t.se()).isCloseTo(c.get("se").asDouble(), within(1e-12));
            assertThat(t.t()).isCloseTo(c.get("t").asDouble(), within(1e-10));
            assertThat(t.df()).isEqualTo(c.get("df").asDouble());
            assertThat(t.pIncreasing()).isCloseTo(c.get("pIncreasing").asDouble(), within(1e-12));
            assertThat(t.pDecreasing()).isCloseTo(c.get("pDecreasing").asDouble(), within(1e-12));
            assertThat(2 * Math.min(t.pIncreasing(), t.pDecreasing())).isCloseTo(c.get("pTwoSided").asDouble(),
                    within(1e-12));
        }
    }

    @Test
    void perSeedSlopesMatchTtest1samp() {
        for (JsonNode c : G.get("trendPerSeed")) {
            Trend t = Trend.of(curve(c.get("points"), true));
            assertThat(t.method()).isEqualTo(Trend.PER_SEED);
            assertThat(t.slope()).isCloseTo(c.get("slope").asDouble(), within(1e-12));
            assertThat(t.t()).isCloseTo(c.get("t").asDouble(), within(1e-10));
            assertThat(t.df()).isEqualTo(c.get("df").asDouble());
            assertThat(t.pIncreasing()).isCloseTo(c.get("pIncreasing").asDouble(), within(1e-12));
            assertThat(t.pDecreasing()).isCloseTo(c.get("pDecreasing").asDouble(), within(1e-12));
        }
    }

    /** Points with seeds 1..n each (shared), or disjoint seeds per point. */
    private static Curve curve(JsonNode points, boolean shared) {
        List<Curve.Point> list = new ArrayList<>();
        long next = 1;
        for (int i = 0; i < points.size(); i++) {
            double[] v = doubles(points.get(i));
            long[] seeds = new long[v.length];
            for (int s = 0; s < v.length; s++) {
                seeds[s] = shared ? s + 1 : next++;
            }
            list.add(new Curve.Point("p" + i, i, seeds, v));
        }
        return new Curve("golden", list);
    }

    @Test
    void spendingFunctionMatchesScipy() {
        for (JsonNode c : G.get("spending")) {
            assertThat(SequentialDesign.spending(c.get("t").asDouble(), c.get("alpha").asDouble()))
                    .isCloseTo(c.get("value").asDouble(), within(1e-12));
        }
    }

    @Test
    void designLooksAndNominalLevelsMatchScipy() {
        for (JsonNode c : G.get("design")) {
            SequentialDesign d = new SequentialDesign(c.get("min").asInt(), c.get("max").asInt(), c.get("step").asInt(),
                    c.get("alpha").asDouble());
            int[] looks = new int[c.get("looks").size()];
            for (int i = 0; i < looks.length; i++) {
                looks[i] = c.get("looks").get(i).asInt();
            }
            assertThat(d.looks()).containsExactly(looks);
            assertThat(d.nominalAlphas()).containsExactly(doubles(c.get("nominal")), within(1e-12));
        }
    }
}
