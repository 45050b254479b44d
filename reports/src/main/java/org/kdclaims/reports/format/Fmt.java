package org.kdclaims.reports.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Number formatting for the page: readable, locale-independent, NaN shown as a dash. */
public final class Fmt {
    public static final String NONE = "\u2013";

    private Fmt() {
    }

    /** Four significant digits, no exponent for ordinary magnitudes, no trailing zeros. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Null-tolerant {@link #num(double)}. */
    public static String num(Double v) {
        return v == null ? NONE : num(v.doubleValue());
    }

    /** p values: small ones in scientific notation, so 1e-9 does not read as 0. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return NONE;
        }
        if (p != 0 && p < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", p);
        }
        return String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * "mean ± half-CI" with the half-CI to two significant digits and the mean to the same
     * decimal place (more digits would be noise); just the mean when the CI is unknown (one seed).
     */
    public static String meanCi(double mean, double halfCi) {
        if (Double.isNaN(halfCi) || Double.isInfinite(halfCi) || halfCi <= 0 || Double.isNaN(mean)
                || Double.isInfinite(mean)) {
            return num(mean);
        }
        BigDecimal half = new BigDecimal(halfCi).round(new MathContext(2));
        int scale = Math.max(0, Math.min(half.scale(), 8));
        BigDecimal m = new BigDecimal(mean).setScale(scale, RoundingMode.HALF_EVEN);
        return m.toPlainString() + " \u00b1 " + half.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Seconds as "12.3 s", "4 min 05 s" or "2 h 03 min". */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return NONE;
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    public static String nums(List<Double> values) {
        return values.stream().map(Fmt::num).collect(Collectors.joining(", "));
    }

    public static String text(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
