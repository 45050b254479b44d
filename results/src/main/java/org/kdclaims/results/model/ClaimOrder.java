package org.kdclaims.results.model;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders claims as a reader expects: C2 before C10, then by display name. */
public final class ClaimOrder {
    private static final Pattern NUMBERED = Pattern.compile("(\\D*)(\\d+)(.*)");

    /** Natural order of claim ids, then display names. */
    public static final Comparator<ClaimResult> CLAIMS = Comparator
            .comparing((ClaimResult c) -> c.id(), ClaimOrder::compareIds)
            .thenComparing(c -> c.displayName() == null ? "" : c.displayName());

    private ClaimOrder() {
    }

    /** Compares "C2" and "C10" by their number when both have the same prefix. */
    public static int compareIds(String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        Matcher mx = NUMBERED.matcher(x);
        Matcher my = NUMBERED.matcher(y);
        if (mx.matches() && my.matches() && mx.group(1).equals(my.group(1))) {
            int byNumber = new java.math.BigInteger(mx.group(2)).compareTo(new java.math.BigInteger(my.group(2)));
            if (byNumber != 0) {
                return byNumber;
            }
            return mx.group(3).compareTo(my.group(3));
        }
        return x.compareTo(y);
    }
}
