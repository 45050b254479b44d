package org.kdclaims.extension;

import java.util.List;

import org.kdclaims.results.model.PaperValueRecord;

/**
 * The paper's numbers that belong to an arm or a curve point: a {@code @PaperValue} whose label starts
 * with "&lt;name&gt;:" (e.g. "fromLarge: WRN16-1 student of WRN16-8", or "wrn-16-4: ..." for the point
 * {@code wrn-16-4} of a teacher sweep). The convention keeps the annotation a plain list the report can
 * print, while the verdict can still say how big the paper's own difference was.
 */
final class PaperValues {
    private PaperValues() {
    }

    /** The value of the first label that starts with one of {@code names} followed by ':'; null if none. */
    static Double of(List<PaperValueRecord> paper, String... names) {
        for (String name : names) {
            for (PaperValueRecord p : paper) {
                if (p.label() != null && p.label().startsWith(name + ":")) {
                    return p.value();
                }
            }
        }
        return null;
    }

    /** paper(a) - paper(b), in the order the claim compares them; null unless both arms have a value. */
    static Double difference(List<PaperValueRecord> paper, String a, String b) {
        Double x = of(paper, a);
        Double y = of(paper, b);
        return x == null || y == null ? null : x - y;
    }
}
