package org.kdclaims.models;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses architecture names used in annotations: {@code cnn-16}, {@code wrn-16-1}, {@code wrn-10-0.5}. */
public final class Architectures {
    private static final Pattern WRN = Pattern.compile("wrn-?(\\d+)-(\\d+(?:\\.\\d+)?)");
    private static final Pattern CNN = Pattern.compile("cnn-(\\d+)");

    /** The forms accepted, for error messages. */
    public static final String KNOWN = "wrn-<depth 6n+4>-<width k> (e.g. wrn-16-1, wrn-10-0.5), cnn-<width> (e.g. cnn-16)";

    private Architectures() {
    }

    public static Architecture parse(String name) {
        String s = name.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = WRN.matcher(s);
        if (m.matches()) {
            return new WideResNet(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
        }
        m = CNN.matcher(s);
        if (m.matches()) {
            return new SmallCnn(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; known forms: " + KNOWN);
    }
}
