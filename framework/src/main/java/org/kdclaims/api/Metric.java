package org.kdclaims.api;

import org.kdclaims.extension.ClaimRecorder;

/** A per-seed metric of one arm: the unit that claims compare. */
public record Metric(Arm arm, String name, long[] seeds, double[] values, ClaimRecorder recorder) {
}
