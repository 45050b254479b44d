package org.kdclaims.reports.html;

/** HTML escaping: every piece of text from the results goes through here before it reaches the page. */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; null becomes "". */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An id usable as a fragment anchor (#...) for a claim; only [A-Za-z0-9-_]. */
    public static String anchor(String... parts) {
        StringBuilder b = new StringBuilder("claim");
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append('-').append(p.replaceAll("[^A-Za-z0-9_-]+", "-"));
            }
        }
        return b.toString().replaceAll("-{2,}", "-").replaceAll("-$", "");
    }
}
