package org.kdclaims.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.reports.Fixtures;
import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.Json;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.RunResults;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No number in the report differs from {@code results.json}: the test writes the file, renders the
 * report from it and reads both. Every number in a claim's findings line, its paper and ours tables,
 * its verdict statistics and its premises must be a rounding of a number of that claim in the file
 * (or of a count or half-interval derived from them), and every arm's mean, interval, values and
 * teachers' errors in the file must be on the page.
 */
class ReportNumbersMatchResultsJsonTest {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?");
    /** Fixed words of the page: "80 % power", "95 % CI". */
    private static final List<Double> PAGE_CONSTANTS = List.of(80.0, 95.0);

    @TempDir
    Path dir;

    @Test
    void everyNumberOnThePageComesFromResultsJson() throws Exception {
        Path file = dir.resolve("results.json");
        Json.mapper().writeValue(file.toFile(), Fixtures.readerResults());
        JsonNode json = Json.mapper().readTree(file.toFile());
        RunResults results = ResultsStore.readMerged(file);
        String html = ClaimReport.render(results, null);

        List<String> findings = blocks(html, "<li class=\"finding\">", "</li>");
        assertThat(findings).hasSize(json.get("claims").size());
        for (int i = 0; i < json.get("claims").size(); i++) {
            JsonNode claim = json.get("claims").get(i);
            String section = section(html, i);
            List<String> checked = new ArrayList<>(List.of(findings.get(i)));
            checked.addAll(blocks(section, "<table class=\"paper\">", "</table>"));
            checked.addAll(blocks(section, "<table class=\"ours\">", "</table>"));
            checked.addAll(blocks(section, "<dl class=\"kv stats\">", "</dl>"));
            checked.addAll(blocks(section, "<table class=\"premises\">", "</table>"));
            Candidates from = Candidates.of(claim);
            for (String block : checked) {
                for (String token : numbers(text(block), from.strings)) {
                    assertThat(from.explains(token)).as("%s: %s, on the page in%n%s", claim.get("id").asText(), token,
                            text(block)).isTrue();
                }
            }
            assertArmsShown(claim, section);
        }
    }

    /** The other way round: what the file says about each arm is on the page. */
    private static void assertArmsShown(JsonNode claim, String section) {
        List<JsonNode> arms = new ArrayList<>();
        claim.get("arms").forEach(arms::add);
        if (claim.hasNonNull("curve")) {
            claim.get("curve").get("points").forEach(p -> arms.add(p.get("arm")));
        }
        assertThat(arms).as("%s has arms or curve points", claim.get("id").asText()).isNotEmpty();
        for (JsonNode a : arms) {
            List<String> expected = new ArrayList<>();
            if (a.get("ciLow").isNumber()) {
                expected.add("[" + Fmt.num(a.get("ciLow").asDouble()) + ", " + Fmt.num(a.get("ciHigh").asDouble()) + "]");
            }
            a.get("values").forEach(v -> expected.add(": " + Fmt.num(v.asDouble())));
            a.get("teachers").forEach(t -> expected.add("own test error <b class=\"num\">"
                    + Fmt.num(t.get("testError").asDouble())));
            assertThat(section).as("%s / %s", claim.get("id").asText(), a.get("name").asText()).contains(expected);
        }
    }

    /** The numbers of one claim in the file, and the text strings whose digits are not numbers (names, labels). */
    private record Candidates(List<Double> values, List<String> strings) {
        static Candidates of(JsonNode claim) {
            Candidates c = new Candidates(new ArrayList<>(PAGE_CONSTANTS), new ArrayList<>());
            c.collect(claim);
            // longest first, so a name is removed whole before any shorter string inside it
            c.strings.sort(Comparator.comparingInt(String::length).reversed());
            return c;
        }

        private void collect(JsonNode node) {
            if (node.isNumber()) {
                values.add(node.asDouble());
            } else if (node.isTextual() && node.asText().matches("(?s).*\\p{L}.*")) {
                // names and labels; a string that is only a number ("4") is not taken out of the page's numbers
                strings.add(node.asText());
            } else if (node.isArray()) {
                values.add((double) node.size()); // n, the number of teachers or of comparisons
                node.forEach(this::collect);
            } else if (node.isObject()) {
                if (node.path("ciLow").isNumber() && node.path("ciHigh").isNumber()) {
                    values.add((node.get("ciHigh").asDouble() - node.get("ciLow").asDouble()) / 2); // "mean ± ½CI"
                }
                if (node.has("teacherSeeds")) {
                    List<Long> distinct = new ArrayList<>();
                    node.get("teacherSeeds").forEach(s -> {
                        if (!distinct.contains(s.asLong())) {
                            distinct.add(s.asLong());
                        }
                    });
                    values.add((double) distinct.size()); // "unit: teacher, 3 teachers"
                }
                // the training runs and plots are not in the checked blocks: their thousands of numbers
                // would explain almost any token, and their hashes would cut digits out of real numbers
                node.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("runs") && !f.getKey().equals("plots")) {
                        collect(f.getValue());
                    }
                });
            }
        }

        /** True if {@code token} is one of the values (or its magnitude) rounded to the token's digits. */
        boolean explains(String token) {
            BigDecimal shown = new BigDecimal(token.startsWith("+") ? token.substring(1) : token);
            double halfUlp = 0.5 * Math.pow(10, -shown.scale()) * 1.0001;
            double t = shown.doubleValue();
            return values.stream().anyMatch(v -> Math.abs(v - t) <= halfUlp || Math.abs(Math.abs(v) - t) <= halfUlp
                    || Math.abs(v - t) <= Math.abs(v) * 5e-3 && token.contains("e"));
        }
    }

    /** The number tokens of {@code text} once every string from the file (names, labels) is taken out. */
    private static List<String> numbers(String text, List<String> strings) {
        String rest = text;
        for (String s : strings) {
            if (!s.isBlank()) {
                rest = rest.replace(s, " ");
            }
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = NUMBER.matcher(rest);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static String text(String html) {
        return html.replaceAll("<wbr>", "").replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replace('\u2212', '-');
    }

    private static String section(String html, int index) {
        int start = html.indexOf("<section class=\"card claim");
        for (int i = 0; i < index; i++) {
            start = html.indexOf("<section class=\"card claim", start + 1);
        }
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<String> blocks(String html, String open, String close) {
        List<String> found = new ArrayList<>();
        for (int i = html.indexOf(open); i >= 0; i = html.indexOf(open, i + 1)) {
            found.add(html.substring(i, html.indexOf(close, i) + close.length()));
        }
        return found;
    }

    @Test
    void aNumberThatIsNotInTheFileIsCaught() {
        Candidates c = new Candidates(new ArrayList<>(List.of(7.615, 0.0041)), List.of());
        assertThat(c.explains("7.62")).isTrue();
        assertThat(c.explains("7.6")).isTrue();
        assertThat(c.explains("4.10e-03")).isTrue();
        assertThat(c.explains("7.64")).isFalse();
        assertThat(c.explains("-7.7")).isFalse();
    }
}
