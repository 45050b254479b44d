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

    @Test
    void missingParametersAreEmpty() {
        assertThat(withParameters(null).parameters()).isEmpty();
    }
}
