package org.kdclaims.spark;

import java.util.List;

/** The first line in which two model-key bases differ, for an error a person can act on. */
final class Difference {
    private Difference() {
    }

    static String of(String driver, String worker) {
        List<String> a = driver.lines().toList();
        List<String> b = worker.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "";
            String y = i < b.size() ? b.get(i) : "";
            if (!x.equals(y)) {
                return "the driver has \"" + x + "\", this worker \"" + y + "\"";
            }
        }
        return "the bases are equal";
    }
}
