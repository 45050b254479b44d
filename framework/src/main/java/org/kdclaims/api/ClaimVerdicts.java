package org.kdclaims.api;

import org.kdclaims.stats.ArmComparison;
import org.kdclaims.stats.CrossoverResult;
import org.kdclaims.stats.CurveResult;

/**
 * Where a claim's assertion delivers its verdict: the framework's recorder implements it, so the API
 * needs nothing from the extension (issue 14). The framework binds the running claim's verdicts to
 * the thread of its test method ({@link #bind}); {@link ClaimAssertions} finds them there, which is
 * why an assertion must be made on that thread (the test method's own, as JUnit runs it).
 */
public interface ClaimVerdicts {

    /** The claim's significance level. */
    double alpha();

    /** Records a two-arm verdict, then passes, fails or aborts the test. */
    void conclude(Metric actual, Metric other, ArmComparison comparison);

    /** Records a curve's verdict (one per claim, Holm-corrected where it compares points). */
    void conclude(CurveMetric curve, CurveResult result);

    /** Records the verdict on "{@code first} crosses above {@code second}" (two learning curves). */
    void conclude(CurveMetric first, CurveMetric second, CrossoverResult result);

    /** The verdicts of the claim whose test method runs on this thread. */
    static ClaimVerdicts current() {
        ClaimVerdicts v = CurrentClaim.VERDICTS.get();
        if (v == null) {
            throw new IllegalStateException("no claim is running on this thread: ClaimAssertions judges metrics inside"
                    + " a @Claim method (on its own thread)");
        }
        return v;
    }

    /** Framework only: binds {@code verdicts} to this thread (null unbinds). */
    static void bind(ClaimVerdicts verdicts) {
        if (verdicts == null) {
            CurrentClaim.VERDICTS.remove();
        } else {
            CurrentClaim.VERDICTS.set(verdicts);
        }
    }
}

/** The holder behind {@link ClaimVerdicts#current()}. */
final class CurrentClaim {
    static final ThreadLocal<ClaimVerdicts> VERDICTS = new ThreadLocal<>();

    private CurrentClaim() {
    }
}
