package org.kdclaims.io;

import java.util.Locale;

/**
 * The one place that prints to the person running the suite. Plan, progress and verdict lines
 * ({@code [kd] ...}) are the suite's user interface, not diagnostics, so they go to standard error
 * unconditionally instead of through a logger whose configuration could hide them; the report's
 * address goes to standard output, where a script can pick it up. Diagnostics use SLF4J.
 */
public final class Console {
    private Console() {
    }

    /** A progress or plan line on standard error. */
    public static void line(String text) {
        System.err.println(text);
    }

    /** A formatted progress line on standard error (numbers in the root locale: 0.5, not 0,5). */
    public static void printf(String format, Object... args) {
        System.err.print(String.format(Locale.ROOT, format, args));
    }

    /** A result a caller may want to capture, on standard output. */
    public static void result(String text) {
        System.out.println(text);
    }
}
