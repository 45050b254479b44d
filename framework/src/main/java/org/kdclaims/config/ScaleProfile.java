package org.kdclaims.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.kdclaims.models.Architecture;

/**
 * Maps the paper's protocol onto a cheaper one by fixed rules, so that one claim test runs
 * unchanged at every scale:
 * <ul>
 *   <li>epochs: the paper's epochs times {@code epochFraction} (at least {@code minEpochs}); the
 *       schedule keeps its shape because its decays are fractions of training;</li>
 *   <li>data: a stratified training subset of {@code trainPerClass} images per class (0 = all),
 *       {@code testPerClass} test images per class (0 = all), images downscaled to
 *       {@code resolution};</li>
 *   <li>architectures: {@link Architecture#scaled} with {@code widthMultiplier} and
 *       {@code maxDepth}, each family by its own rules (keeping the ordering of teacher sizes);</li>
 *   <li>seeds: at most {@code maxSeeds} (0 = as annotated);</li>
 *   <li>verdicts: asserted only when {@code assertVerdicts} (never at smoke scale).</li>
 * </ul>
 * Select with {@code -Dkd.scale=smoke|ci|paper}; each field can be overridden with
 * {@code -Dkd.epochFraction=}, {@code -Dkd.trainPerClass=}, {@code -Dkd.testPerClass=},
 * {@code -Dkd.resolution=}, {@code -Dkd.widthMultiplier=}, {@code -Dkd.maxDepth=},
 * {@code -Dkd.maxSeeds=}, {@code -Dkd.evalEvery=}.
 */
public record ScaleProfile(String name, double epochFraction, int minEpochs, int trainPerClass, int testPerClass,
        int resolution, double widthMultiplier, int maxDepth, int maxSeeds, int evalEvery, boolean assertVerdicts) {

    public static final int PAPER_EPOCHS = 200;

    public static ScaleProfile smoke() {
        return new ScaleProfile("smoke", 0.025, 5, 50, 50, 16, 0.25, 10, 2, 1, false);
    }

    public static ScaleProfile ci() {
        return new ScaleProfile("ci", 0.08, 12, 250, 0, 16, 1, 10, 3, 4, true);
    }

    public static ScaleProfile paper() {
        return new ScaleProfile("paper", 1, 1, 0, 0, 32, 1, Integer.MAX_VALUE, 0, 1, true);
    }

    /** The keys a profile is read from: the profile's name, then one override per rule. */
    public static final List<String> KEYS = List.of("kd.scale", "kd.epochFraction", "kd.trainPerClass",
            "kd.testPerClass", "kd.resolution", "kd.widthMultiplier", "kd.maxDepth", "kd.maxSeeds", "kd.evalEvery");

    /** The profile named by {@code kd.scale} (default smoke) in a configuration lookup, with any overrides. */
    public static ScaleProfile from(Function<String, Optional<String>> config) {
        Function<String, String> v = k -> config.apply(k).map(String::trim).filter(x -> !x.isEmpty()).orElse(null);
        String name = or(v.apply("kd.scale"), "smoke");
        ScaleProfile base = switch (name.toLowerCase(Locale.ROOT)) {
            case "smoke" -> smoke();
            case "ci" -> ci();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException(
                    "unknown scale profile -Dkd.scale=" + name + "; use smoke, ci or paper");
        };
        return new ScaleProfile(base.name,
                Double.parseDouble(or(v.apply("kd.epochFraction"), Double.toString(base.epochFraction))),
                base.minEpochs,
                Integer.parseInt(or(v.apply("kd.trainPerClass"), Integer.toString(base.trainPerClass))),
                Integer.parseInt(or(v.apply("kd.testPerClass"), Integer.toString(base.testPerClass))),
                Integer.parseInt(or(v.apply("kd.resolution"), Integer.toString(base.resolution))),
                Double.parseDouble(or(v.apply("kd.widthMultiplier"), Double.toString(base.widthMultiplier))),
                Integer.parseInt(or(v.apply("kd.maxDepth"), Integer.toString(base.maxDepth))),
                Integer.parseInt(or(v.apply("kd.maxSeeds"), Integer.toString(base.maxSeeds))),
                Integer.parseInt(or(v.apply("kd.evalEvery"), Integer.toString(base.evalEvery))),
                base.assertVerdicts);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Epochs at this scale for a run of {@code paperEpochs} epochs in the paper. */
    public int epochs(int paperEpochs) {
        return Math.max(minEpochs, (int) Math.round(paperEpochs * epochFraction));
    }

    /** An epoch given at paper scale (e.g. an ESKD stop), mapped proportionally. */
    public int epochAt(int paperEpoch, int paperEpochs) {
        return Math.max(1, Math.min(epochs(paperEpochs), (int) Math.round((double) paperEpoch / paperEpochs * epochs(paperEpochs))));
    }

    public int seeds(int annotated) {
        return maxSeeds <= 0 ? annotated : Math.min(annotated, maxSeeds);
    }

    /** The architecture trained at this scale for one named in a claim. */
    public Architecture scale(Architecture a) {
        try {
            return a.scaled(widthMultiplier, maxDepth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot train %s at the %s scale (width x%s, depth <= %s): %s; choose another architecture "
                            + "or override the scale with -Dkd.widthMultiplier= / -Dkd.maxDepth=",
                    a.name(), name, widthMultiplier, maxDepth, e.getMessage()), e);
        }
    }

    /** 0 = evaluate on the test set only after the last epoch. */
    public int evalEvery(int epochs) {
        return evalEvery <= 0 ? epochs : evalEvery;
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "%s: epochs x%s (min %d), %s train/class, %s test/class, %dx%d px, width x%s, depth <= %s, seeds <= %s",
                name, epochFraction, minEpochs, trainPerClass == 0 ? "all" : trainPerClass,
                testPerClass == 0 ? "all" : testPerClass, resolution, resolution, widthMultiplier,
                maxDepth == Integer.MAX_VALUE ? "any" : maxDepth, maxSeeds == 0 ? "as annotated" : maxSeeds);
    }
}
