package org.kdclaims.extension;

import java.util.Arrays;
import java.util.Locale;

import org.kdclaims.config.ScaleProfile;
import org.kdclaims.stats.SequentialDesign;
import org.kdclaims.stats.Verdict;

/**
 * The rounds of one adaptive claim ({@code @Seeds(min, max)}): look k judges the claim with
 * {@link #seedsAt(int)} seeds per arm at the alpha the design allots that look; an undecided look
 * before the last adds seeds (the suite re-plans and trains them) and looks again. The scale
 * profile's seed cap lowers {@code max}; a claim whose capped range has a single look is judged
 * once, at the claim's full alpha, as a fixed one.
 */
final class SequentialRounds {
    private final SequentialDesign design;
    private final int[] looks;
    private Verdict lastVerdict;
    private int lastLook = -1;
    private int ended = -1;

    private SequentialRounds(SequentialDesign design) {
        this.design = design;
        this.looks = design.looks();
    }

    /** The rounds of an adaptive claim at this scale, or null when it is judged once. */
    static SequentialRounds of(ClaimPlan plan, ScaleProfile profile) {
        AdaptiveSeeds a = plan.adaptive();
        if (a == null) {
            return null;
        }
        int max = profile.seeds(a.max());
        int min = Math.min(profile.seeds(a.min()), max);
        if (max <= min || min < 2) {
            return null;
        }
        return new SequentialRounds(new SequentialDesign(min, max, a.step(), plan.claim().alpha()));
    }

    int lookCount() {
        return looks.length;
    }

    int seedsAt(int look) {
        return looks[look];
    }

    double alphaAt(int look) {
        return design.nominalAlpha(look);
    }

    boolean isLast(int look) {
        return look == looks.length - 1;
    }

    /**
     * Look 0 always runs; a later one only if the one before it judged the claim and did not decide.
     * Under JUnit's concurrent mode the next look is asked for before the previous one ended, so
     * this waits for it.
     */
    synchronized boolean shouldRun(int look) {
        if (look == 0) {
            return true;
        }
        while (ended < look - 1) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return lastLook == look - 1 && lastVerdict == Verdict.INCONCLUSIVE && look < looks.length;
    }

    /** What the statistics said at {@code look}, at that look's alpha. */
    synchronized void looked(int look, Verdict verdict) {
        lastVerdict = verdict;
        lastLook = look;
    }

    /** Look {@code look} is over, judged or not. */
    synchronized void ended(int look) {
        ended = Math.max(ended, look);
        notifyAll();
    }

    /** e.g. "adaptive seeds: look 2 of 8 at 4 seeds (looks at [3, 4, ..., 10]), alpha 0.0006 at this look, ...". */
    String describe(int look) {
        return String.format(Locale.ROOT, "adaptive seeds: look %d of %d at %d seeds (looks at %s), one-sided alpha"
                + " %.4g at this look; Lan-DeMets O'Brien-Fleming spending of %s per direction, Bonferroni over looks",
                look + 1, looks.length, looks[look], Arrays.toString(looks), design.nominalAlpha(look),
                design.alpha());
    }
}
