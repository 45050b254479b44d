package org.kdclaims.extension;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qameta.allure.Allure;
import org.kdclaims.reports.model.ArmResult;
import org.kdclaims.reports.html.LearningCurves;
import org.kdclaims.reports.html.PlotChart;
import org.kdclaims.reports.html.SvgCharts;
import org.kdclaims.reports.model.ClaimResult;
import org.kdclaims.reports.model.Plot;

/**
 * Puts a claim's result into its Allure test case: labels (epic = the paper, feature = claim id,
 * story = table or figure), parameters, the per-seed metrics as a JSON attachment and the verdict
 * with its statistics, and the learning curves as SVG. Training runs are Allure steps, added as each arm is built from the store ({@link ArmModels}).
 */
final class AllureClaim {
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

    static void write(ClaimResult r) {
        try {
            r.parameters().forEach(Allure::parameter);
            if (r.verdict() != null) {
                Allure.parameter("verdict", r.verdict());
                StringBuilder s = new StringBuilder();
                s.append(r.id()).append(' ').append(r.verdict()).append('\n').append(r.hypothesis()).append('\n');
                for (ArmResult a : r.arms()) {
                    s.append(String.format(Locale.ROOT, "%s: mean %.3f, sd %.3f, 95%% CI [%.3f, %.3f], values %s%n",
                            a.name(), a.mean(), a.sd(), a.ciLow(), a.ciHigh(), a.values()));
                }
                s.append(String.format(Locale.ROOT, "%s: t = %.3f, df = %.1f, p = %.4g, Hedges' g = %.2f, alpha = %.2f%n",
                        r.test().method(), r.test().statistic(), r.test().df(), r.test().pValue(), r.test().effectSize(),
                        r.test().alpha()));
                Allure.addAttachment("verdict", "text/plain", s.toString(), ".txt");
            }
            Allure.addAttachment("per-seed metrics", "application/json", JSON.writeValueAsString(r.arms()), ".json");
            for (Plot p : LearningCurves.of(r.runs())) {
                // the report inlines SVG without a namespace; a standalone attachment needs it
                String svg = SvgCharts.svg(PlotChart.create(p)).replaceFirst("<svg ", "<svg xmlns='" + SVG_NS + "' ");
                Allure.addAttachment(p.title(), "image/svg+xml", svg, ".svg");
            }
            Allure.addAttachment("training runs", "application/json", JSON.writeValueAsString(r.runs()), ".json");
        } catch (Exception e) {
            System.err.println("[kd] could not write Allure attachments: " + e);
        }
    }
}
