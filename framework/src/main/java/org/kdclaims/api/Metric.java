package org.kdclaims.api;

/**
 * A per-seed metric of one arm: the unit that claims compare. Pure data ({@code values[i]} was
 * measured with {@code seeds[i]}), so that the API does not depend on the extension that judges it:
 * {@link ClaimAssertions} hands it to the running claim's {@link ClaimVerdicts}.
 */
public record Metric(String arm, String name, long[] seeds, double[] values) {
    public Metric {
        if (seeds.length != values.length) {
            throw new IllegalArgumentException(arm + " " + name + ": " + seeds.length + " seeds for " + values.length
                    + " values");
        }
    }
}
