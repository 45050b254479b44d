package org.kdclaims.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses architecture names used in annotations: {@code wrn-16-1}, {@code wrn-10-0.5},
 * {@code resnet-18}, {@code resnet-50}, {@code densenet-40-12}, {@code cnn-16}, and the families
 * that {@link org.kdclaims.spi.ArchitectureProvider}s register ({@code <family>[-<variant>]}).
 */
public final class Architectures {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern WRN = Pattern.compile("wrn-?(\\d+)-" + NUMBER);
    private static final Pattern RESNET = Pattern.compile("resnet-?(\\d+)(?:-" + NUMBER + ")?");
    private static final Pattern DENSENET = Pattern.compile("densenet-?(\\d+)-(\\d+)");
    private static final Pattern CNN = Pattern.compile("cnn-(\\d+)");

    /** The forms accepted, for error messages. */
    public static final String KNOWN = "wrn-<depth 6n+4>-<width k> (e.g. wrn-16-1, wrn-10-0.5), "
            + "resnet-<depth 18|34|50|...>[-<width multiplier>] (e.g. resnet-18), "
            + "densenet-<depth 3L+4>-<growth k> (e.g. densenet-40-12), cnn-<width> (e.g. cnn-16)";

    private Architectures() {
    }

    /**
     * The one rule for attention transfer between a teacher and a student: the same non-empty
     * sequence of attention-point sizes, given as the architectures' downsampling factors of a shared
     * input ({@link Architecture#attentionDownsampling()}, when planning) or as the built networks'
     * heights and widths (when training, where the actual input sizes are known).
     */
    public static boolean attentionCompatible(int[] teacherPoints, int[] studentPoints) {
        return studentPoints.length > 0 && Arrays.equals(teacherPoints, studentPoints);
    }

    public static Architecture parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        Matcher m = WRN.matcher(s);
        if (m.matches()) {
            return new WideResNet(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
        }
        m = RESNET.matcher(s);
        if (m.matches()) {
            return new ResNet(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Double.parseDouble(m.group(2)));
        }
        m = DENSENET.matcher(s);
        if (m.matches()) {
            return new DenseNet(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = CNN.matcher(s);
        if (m.matches()) {
            return new SmallCnn(Integer.parseInt(m.group(1)));
        }
        return ArchitectureProviders.find(s).orElseThrow(() -> new IllegalArgumentException("unknown architecture '"
                + name + "'; known forms: " + KNOWN + "; registered families: " + ArchitectureProviders.describe()));
    }
}
