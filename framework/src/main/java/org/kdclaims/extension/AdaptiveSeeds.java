package org.kdclaims.extension;

import java.lang.reflect.Method;

import org.kdclaims.annotations.Seeds;

/**
 * {@code @Seeds(min, max, step)}: the claim is judged at {@code min} seeds, and seeds are added
 * {@code step} at a time until the verdict is decided or {@code max} is reached
 * ({@link SequentialRounds}).
 */
record AdaptiveSeeds(int min, int max, int step) {

    /** The adaptive range of {@code @Seeds}, or null for a fixed count; an impossible one names the fix. */
    static AdaptiveSeeds of(Method method, Seeds s) {
        if (s.max() == 0 && s.min() == 0) {
            return null;
        }
        if (s.value() != 0) {
            throw ClaimPlan.invalid(method, "has @Seeds(value = " + s.value() + ", min = " + s.min() + ", max = "
                    + s.max() + "): give a fixed count, @Seeds(3), or an adaptive range, @Seeds(min = 3, max = 10),"
                    + " not both");
        }
        if (s.min() < 2 || s.max() <= s.min() || s.step() < 1) {
            throw ClaimPlan.invalid(method, "has @Seeds(min = " + s.min() + ", max = " + s.max() + ", step = "
                    + s.step() + "): adaptive seeds need min >= 2 (a test needs a spread), max > min and step >= 1,"
                    + " e.g. @Seeds(min = 3, max = 10)");
        }
        return new AdaptiveSeeds(s.min(), s.max(), s.step());
    }
}
