package org.kdclaims.reports.allure;

import org.kdclaims.reports.format.VerdictText;
import org.kdclaims.results.model.ClaimResult;

import java.util.Optional;

/**
 * The verdict statistics of a claim as text for its Allure test case, in the same words as the
 * HTML report (see {@link VerdictText}). {@link AllureClaimWriter} puts
 * {@link #description} into the test's description and {@link #statistics} into an attachment;
 * {@link #statusMessage} is the one line for its status details: the power warning or the regime,
 * which a reader of the Allure report must not miss.
 */
public final class AllureClaimText {
    private AllureClaimText() {
    }

    /** Markdown: the statement, the regime notice and power warning in bold, then the statistics. */
    public static String description(ClaimResult c) {
        StringBuilder md = new StringBuilder();
        if (c.statement() != null && !c.statement().isBlank()) {
            md.append(AllureFiles.markdown(c.statement())).append("\n\n");
        }
        md.append("**Verdict: ").append(AllureFiles.markdown(label(c))).append("**\n\n");
        VerdictText.regimeNotice(c).ifPresent(s -> md.append("**").append(AllureFiles.markdown(s)).append("**\n\n"));
        VerdictText.detectabilityWarning(c).ifPresent(s -> md.append("**").append(AllureFiles.markdown(s))
                .append("**\n\n"));
        VerdictText.rows(c).forEach(r -> md.append("- ").append(AllureFiles.markdown(r.label())).append(": ")
                .append(AllureFiles.markdown(r.value())).append('\n'));
        if (!c.premises().isEmpty()) {
            md.append("\nPremises:\n");
            c.premises().forEach(p -> md.append("- ").append(p.holds() ? "\u2713 " : "\u2717 ")
                    .append(AllureFiles.markdown(VerdictText.premise(p))).append('\n'));
        }
        return md.toString();
    }

    /** Plain text for an attachment: the same content as {@link #description}, without markup. */
    public static String statistics(ClaimResult c) {
        StringBuilder t = new StringBuilder("Verdict: ").append(label(c)).append('\n');
        VerdictText.regimeNotice(c).ifPresent(s -> t.append(s).append('\n'));
        VerdictText.detectabilityWarning(c).ifPresent(s -> t.append(s).append('\n'));
        VerdictText.rows(c).forEach(r -> t.append(r.label()).append(": ").append(r.value()).append('\n'));
        c.premises().forEach(p -> t.append(p.holds() ? "premise holds: " : "premise FAILS: ")
                .append(VerdictText.premise(p)).append('\n'));
        return t.toString();
    }

    /** The sentence the status details should carry, if any: outside the regime, or too little power. */
    public static Optional<String> statusMessage(ClaimResult c) {
        return VerdictText.regimeNotice(c).or(() -> VerdictText.detectabilityWarning(c));
    }

    private static String label(ClaimResult c) {
        if (!c.outsideRegime()) {
            return String.valueOf(c.verdict());
        }
        return "OUTSIDE THE PAPER'S REGIME" + (c.statisticalVerdict() == null ? ""
                : " (statistics alone: " + c.statisticalVerdict() + ")");
    }
}
