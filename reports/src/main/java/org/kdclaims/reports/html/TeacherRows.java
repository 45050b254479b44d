package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.TeacherRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.kdclaims.reports.html.Html.esc;

/**
 * An arm's students grouped under their teacher: one row per teacher with its own test error, its
 * students' values beneath it. When the teacher is the unit of replication, a reader has to see
 * how far students of one teacher agree and how far the teachers differ; a flat seed list hides both.
 */
final class TeacherRows {
    static final String CONDITIONAL = "conditional on one teacher";

    private TeacherRows() {
    }

    /** A short tag after the arm's name: its replication unit, or that it rests on one teacher. */
    static String armNote(ArmResult a) {
        StringBuilder b = new StringBuilder();
        if (ArmResult.UNIT_TEACHER.equals(a.unit()) && a.teacherSeeds().isEmpty()) {
            // a scratch arm of a claim about teachers: its students come in blocks, one paired with each
            // teacher's students, and it has no teacher to count
            b.append(" <span class=\"tag\">unit: teacher block, trained alone</span>");
        } else if (ArmResult.UNIT_TEACHER.equals(a.unit())) {
            b.append(" <span class=\"tag\">unit: teacher, ").append(a.units()).append(a.units() == 1 ? " teacher" : " teachers")
                    .append("</span>");
        }
        if (a.conditionalOnOneTeacher()) {
            b.append(" <span class=\"tag conditional\">").append(CONDITIONAL).append("</span>");
        }
        return b.toString();
    }

    /** The teacher rows under the arm's row of a table {@code columns} wide. */
    static void render(ArmResult a, int columns, StringBuilder out) {
        Map<Long, List<Integer>> students = byTeacher(a);
        Map<Long, TeacherRecord> teachers = new LinkedHashMap<>();
        a.teachers().forEach(t -> teachers.put(t.seed(), t));
        // teachers in the recorded order, then any teacher seed the students name but the list lacks
        List<Long> order = new ArrayList<>(teachers.keySet());
        students.keySet().stream().filter(s -> !teachers.containsKey(s)).forEach(order::add);
        for (Long seed : order) {
            TeacherRecord t = teachers.get(seed);
            out.append("<tr class=\"teacher-row\"><td class=\"teacher\">\u21b3 teacher s").append(seed)
                    .append("</td><td colspan=\"").append(columns - 1).append("\">");
            if (t == null) {
                out.append("<span class=\"sub\">not recorded</span>");
            } else {
                out.append(esc(Fmt.text(t.label()))).append(" \u00b7 own test error <b class=\"num\">")
                        .append(esc(Fmt.num(t.testError()))).append("</b>");
            }
            out.append("<div class=\"students\">students: ").append(esc(values(a, students.getOrDefault(seed, List.of()))))
                    .append("</div></td></tr>\n");
        }
    }

    /** Indices of the arm's values per teacher seed, in the order of the values; empty if they do not line up. */
    private static Map<Long, List<Integer>> byTeacher(ArmResult a) {
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        if (a.teacherSeeds().size() != a.values().size()) {
            return groups;
        }
        for (int i = 0; i < a.values().size(); i++) {
            groups.computeIfAbsent(a.teacherSeeds().get(i), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static String values(ArmResult a, List<Integer> indices) {
        if (indices.isEmpty()) {
            return Fmt.NONE;
        }
        boolean seeds = a.seeds().size() == a.values().size();
        StringBuilder b = new StringBuilder();
        for (int i : indices) {
            b.append(b.length() == 0 ? "" : ", ").append(seeds ? "s" + a.seeds().get(i) + ": " : "")
                    .append(Fmt.num(a.values().get(i)));
        }
        return b.toString();
    }
}
