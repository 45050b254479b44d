package org.kdclaims.results.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.Json;

/** A claim's parameters keep the order they were given in, in memory and through JSON. */
class ClaimResultTest {

    private static ClaimResult withParameters(Map<String, String> parameters) {
        return new ClaimResult("C4", "C4", "Table 3", "ESKD beats full KD", null, "test error %", List.of(),
                List.of(), null, "SUPPORTED", "passed", parameters, List.of(), List.of(), 1.0, null);
    }

    private static Map<String, String> manyParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String k : List.of("scale", "data", "native build", "seeds", "seed base", "distillation", "alpha",
                "sweep teacher", "curve students", "premises", "z last", "a after z")) {
            p.put(k, k.toUpperCase());
        }
        return p;
    }

    @Test
    void parametersKeepTheirOrder() {
        Map<String, String> given = manyParameters();
        ClaimResult c = withParameters(given);
        assertThat(c.parameters().keySet()).containsExactlyElementsOf(given.keySet());
        given.put("added later", "x");
        assertThat(c.parameters()).doesNotContainKey("added later");
    }

    @Test
    void parametersKeepTheirOrderThroughJson() throws Exception {
        ClaimResult c = withParameters(manyParameters());
        String json = Json.mapper().writeValueAsString(c);
        ClaimResult back = Json.mapper().readValue(json, ClaimResult.class);
        assertThat(back.parameters().keySet()).containsExactlyElementsOf(manyParameters().keySet());
        assertThat(Json.mapper().writeValueAsString(back)).isEqualTo(json);
    }

    /** Only a crossover claim writes a crossover: every other claim's JSON is what it was before it existed. */
    @Test
    void aCrossoverIsWrittenOnlyWhereThereIsOne() throws Exception {
        ClaimResult plain = withParameters(Map.of());
        assertThat(Json.mapper().writeValueAsString(plain)).doesNotContain("crossover");

        ArmResult a = new ArmResult("fullKd", List.of(1L, 2L), List.of(40.0, 42.0), 41, 1.41, 28.3, 53.7);
        CrossoverRecord crossover = new CrossoverRecord("fullKd", "scratch", 40,
                List.of(new CurvePoint("epoch 10", 10, a, null, true)), List.of(new CurvePoint("epoch 10", 10, a, null,
                true)), List.of(new CrossoverEpoch("epoch 10", 10, CrossoverRecord.EARLY, -1.5, -2.5, -0.5, 0.01,
                0.03, 0.99, 1.2, true, false), new CrossoverEpoch("epoch 100", 100, CrossoverRecord.FINAL, 0.8, 0.1,
                1.5, 0.98, Double.NaN, 0.02, 0.9, false, true)), "the rule");
        ClaimResult c = new ClaimResult("C4a", "C4a", "Fig. 3", "crossover", null, "test error (%)", List.of(),
                List.of(a, a), null, "SUPPORTED", "passed", Map.of(), List.of(), List.of(), 1.0, null, null, null, null,
                null, null, crossover);
        String json = Json.mapper().writeValueAsString(c);
        ClaimResult back = Json.mapper().readValue(json, ClaimResult.class);
        assertThat(back.crossover()).isEqualTo(crossover);
        assertThat(back.crossover().tests().get(1).pBelowAdjusted()).isNaN();
        assertThat(Json.mapper().writeValueAsString(back)).isEqualTo(json);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(plain), ClaimResult.class).crossover())
                .isNull();
    }

    @Test
    void missingParametersAreEmpty() {
        assertThat(withParameters(null).parameters()).isEmpty();
    }
}
