package org.kdclaims.results;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for all kd-claims JSON files.
 *
 * <p>Non-finite numbers: a standard deviation over one seed, or the p value of a degenerate
 * test, is NaN. They are written as the JSON strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (never as null): that keeps the files standard JSON that any tool can
 * parse, and NaN survives the round trip, where null would turn into 0.0 in a {@code double}.
 * Reading accepts both the quoted form and the bare {@code NaN} token some writers produce.
 *
 * <p>Unknown properties are ignored so an older report can still read a newer file.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
