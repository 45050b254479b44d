package org.kdclaims.extension;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qameta.allure.Allure;
import io.qameta.allure.model.StatusDetails;
import org.kdclaims.reports.allure.AllureClaimText;
import org.kdclaims.reports.model.ArmResult;
import org.kdclaims.reports.html.LearningCurves;
import org.kdclaims.reports.html.PlotChart;
import org.kdclaims.reports.html.SvgCharts;
import org.kdclaims.reports.html.VerdictCharts;
import org.kdclaims.reports.model.ClaimResult;
import org.kdclaims.reports.model.Plot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a claim's result into its Allure test case: labels (epic = the paper, feature = claim id,
 * story = table or figure), parameters, the verdict's description, statistics, status message and
 * charts, the per-seed metrics as a JSON attachment, and the learning curves as SVG. Training runs are Allure steps, added as each arm is built from the store ({@link ArmModels}).
 */
final class AllureClaim {
    private static final Logger LOG = LoggerFactory.getLogger(AllureClaim.class);
    static final String EPIC = "On the Efficacy of Knowledge Distillation (Cho & Hariharan, ICCV 2019)";
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AllureClaim() {
    }

    static void labels(ClaimPlan plan) {
        Allure.epic(EPIC);
        Allure.feature(plan.claim().id());
        Allure.story(plan.claim().source());
        Allure.description(plan.claim().statement());
    }

    /**
     * The result into the Allure test case: the verdict's description and statistics (the same words
     * as the HTML report), the status message (outside the regime, or too little power), the verdict's
     * charts, per-seed metrics, learning curves and runs. A claim that reached no verdict has no test.
     */
    static void write(ClaimResult r) {
        try {
            r.parameters().forEach(Allure::parameter);
            if (r.verdict() != null) {
                Allure.parameter("verdict", r.verdict());
                Allure.description(AllureClaimText.description(r));
                Allure.addAttachment("verdict statistics", "text/plain", AllureClaimText.statistics(r), ".txt");
                AllureClaimText.statusMessage(r).ifPresent(AllureClaim::statusMessage);
                for (VerdictCharts.Figure f : VerdictCharts.of(r)) {
                    Allure.addAttachment(f.title(), "image/svg+xml", standalone(f.svg()), ".svg");
                }
            }
            if (r.test() != null) {
                Allure.addAttachment("verdict", "text/plain", verdictText(r), ".txt");
            }
            Allure.addAttachment("per-seed metrics", "application/json", JSON.writeValueAsString(r.arms()), ".json");
            for (Plot p : LearningCurves.of(r.runs())) {
                Allure.addAttachment(p.title(), "image/svg+xml", standalone(SvgCharts.svg(PlotChart.create(p))), ".svg");
            }
            Allure.addAttachment("training runs", "application/json", JSON.writeValueAsString(r.runs()), ".json");
        } catch (Exception e) {
            LOG.warn("could not write Allure attachments; the claim result itself is recorded", e);
        }
    }

    /** The hypothesis, the arms and the test in one plain block (for claims without a test: none). */
    private static String verdictText(ClaimResult r) {
        StringBuilder s = new StringBuilder();
        s.append(r.id()).append(' ').append(r.verdict()).append('\n').append(r.hypothesis()).append('\n');
        for (ArmResult a : r.arms()) {
            s.append(String.format(Locale.ROOT, "%s: mean %.3f, sd %.3f, 95%% CI [%.3f, %.3f], values %s%n",
                    a.name(), a.mean(), a.sd(), a.ciLow(), a.ciHigh(), a.values()));
        }
        s.append(String.format(Locale.ROOT, "%s: t = %.3f, df = %.1f, p = %.4g, effect size = %.2f, alpha = %.2f%n",
                r.test().method(), r.test().statistic(), r.test().df(), r.test().pValue(), r.test().effectSize(),
                r.test().alpha()));
        return s.toString();
    }

    /** The one line a reader of the Allure report must not miss, in the test's status details. */
    private static void statusMessage(String message) {
        Allure.getLifecycle().updateTestCase(tc -> {
            StatusDetails d = tc.getStatusDetails() == null ? new StatusDetails() : tc.getStatusDetails();
            d.setMessage(d.getMessage() == null ? message : message + "\n" + d.getMessage());
            tc.setStatusDetails(d);
        });
    }

    /** The report inlines SVG without a namespace; a standalone attachment needs it. */
    private static String standalone(String svg) {
        return svg.replaceFirst("<svg ", "<svg xmlns='" + SVG_NS + "' ");
    }
}
