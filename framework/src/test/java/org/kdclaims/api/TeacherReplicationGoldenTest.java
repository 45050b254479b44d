package org.kdclaims.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kdclaims.stats.PairedComparison;
import org.kdclaims.stats.VarianceComponents;

/**
 * The nested design's statistics against numpy and scipy (fixtures/golden/nested.py): per-teacher
 * means, the paired t-test on them (paired by teacher seed), and the two variance components.
 */
class TeacherReplicationGoldenTest {
    private static final JsonNode G = read();

    @Test
    void perTeacherMeansPairedByTeacherSeedMatchScipyTtestRel() {
        for (JsonNode c : G.get("nested")) {
            Metric a = metric("a", c);
            Metric b = metric("b", c);
            Metric ma = a.perUnit();
            Metric mb = b.perUnit();
            assertThat(ma.values()).containsExactly(doubles(c.get("teacherMeansA")), within(1e-12));
            assertThat(mb.values()).containsExactly(doubles(c.get("teacherMeansB")), within(1e-12));
            assertThat(ma.seeds()).containsExactly(mb.seeds());
            PairedComparison p = c.has("margin")
                    ? PairedComparison.notLowerThan("a", ma.values(), "b", mb.values(), c.get("margin").asDouble(), 0.05)
                    : PairedComparison.lessThan("a", ma.values(), "b", mb.values(), 0.05);
            assertThat(p.t()).as("t of %s", c.get("units")).isCloseTo(c.get("t").asDouble(), within(1e-9));
            assertThat(p.df()).isEqualTo(c.get("df").asDouble());
            assertThat(p.pValue()).isCloseTo(c.get("p").asDouble(), within(1e-10));
            assertThat(p.pOpposite()).isCloseTo(c.get("pOpposite").asDouble(), within(1e-10));
        }
    }

    @Test
    void varianceComponentsOfTheDifferenceMatchNumpyAnova() {
        for (JsonNode c : G.get("nested")) {
            double[] a = doubles(c.get("a"));
            double[] b = doubles(c.get("b"));
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a[i] - b[i];
            }
            VarianceComponents v = VarianceComponents.of(longs(c.get("units")), d);
            JsonNode e = c.get("components");
            assertThat(v.total()).isCloseTo(e.get("total").asDouble(), within(1e-12));
            int perTeacher = v.students() / v.teachers();
            // the observed design's variance is the observed one, whatever the components say
            assertThat(v.ofTeacherMean(perTeacher, perTeacher)).isEqualTo(v.total());
            if (e.get("within").isNull()) {
                assertThat(v.separable()).isFalse();
            } else {
                assertThat(v.within()).isCloseTo(e.get("within").asDouble(), within(1e-12));
                assertThat(v.between()).isCloseTo(e.get("between").asDouble(), within(1e-12));
            }
        }
    }

    private static Metric metric(String arm, JsonNode c) {
        double[] v = doubles(c.get(arm));
        long[] units = longs(c.get("units"));
        long[] seeds = new long[v.length];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = i + 1;
        }
        return new Metric(arm, "test error (%)", seeds, v, units, true, units, List.of());
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static long[] longs(JsonNode a) {
        long[] d = new long[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asLong();
        }
        return d;
    }

    private static JsonNode read() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("fixtures"))) {
            dir = dir.getParent();
        }
        try {
            return new ObjectMapper().readTree(dir.resolve("fixtures/golden/nested.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
