package org.kdclaims.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kdclaims.annotations.Premise;
import org.kdclaims.results.model.PremiseRecord;

/**
 * Evaluates a claim's {@link Premise}s on numbers from its trained models, one row per premise for
 * the report: the worst case over the claim's teachers, so that the row shows the number that
 * decided. Pure: {@link ArmModels#premiseFacts} gathers the facts.
 */
final class PremiseCheck {
    private PremiseCheck() {
    }

    /**
     * A teacher as the premises see it: the fully trained model's final test and training error
     * (percent), the checkpoint that teaches (epochs trained), its schedule's length and first
     * learning-rate decay (-1 without one), and the architecture of the student it teaches; for
     * {@link Premise#TEACHERS_IMPROVE_WITH_SIZE}, the key of the teacher's model (the fully trained
     * one), its own architecture and its trainable parameter count.
     */
    record TeacherFacts(String label, String studentArch, double testError, double trainError, int stopEpoch,
            int epochs, int firstDecay, boolean sameArchitectureAsStudent, double fullTestError,
            double fullTrainError, String key, String arch, long parameters) {
        boolean stopped() {
            return stopEpoch < epochs;
        }

        /** The same teacher as its fully trained model (for the FULLY_TRAINED_* premises). */
        TeacherFacts fullyTrained() {
            String full = stopped() ? label.replaceFirst(" stopped after .*", "") + " fully trained" : label;
            return new TeacherFacts(full, studentArch, fullTestError, fullTrainError, epochs, epochs, firstDecay,
                    sameArchitectureAsStudent, fullTestError, fullTrainError, key, arch, parameters);
        }
    }

    /**
     * A student trained alone (one seed of a scratch arm), for {@link Premise#TEACHERS_IMPROVE_WITH_SIZE}:
     * its model key, label, architecture, trainable parameter count and final test error (percent).
     */
    record ScratchFacts(String key, String label, String arch, long parameters, double testError) {
    }

    /**
     * {@code scratchError}: mean test error (percent) of students of each architecture trained alone;
     * {@code scratchStudents}: each of those students, for the size premise.
     */
    static List<PremiseRecord> evaluate(Set<Premise> premises, List<TeacherFacts> teachers,
            Map<String, Double> scratchError, List<ScratchFacts> scratchStudents) {
        List<PremiseRecord> rows = new ArrayList<>();
        for (Premise p : premises.isEmpty() ? Set.<Premise>of() : EnumSet.copyOf(premises)) {
            rows.add(switch (p) {
                case TEACHERS_BEAT_SCRATCH -> beatScratch(p, teachers, scratchError);
                case TEACHERS_FIT_TRAINING_SET -> fitTraining(p, teachers);
                case FULLY_TRAINED_TEACHERS_BEAT_SCRATCH -> beatScratch(p, fullyTrained(teachers), scratchError);
                case FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET -> fitTraining(p, fullyTrained(teachers));
                case STOPPED_TEACHER_PAST_FIRST_DECAY -> pastFirstDecay(teachers);
                case TEACHERS_IMPROVE_WITH_SIZE -> SizePremise.check(teachers, scratchStudents);
            });
        }
        return rows;
    }

    private static List<TeacherFacts> fullyTrained(List<TeacherFacts> teachers) {
        return teachers.stream().map(TeacherFacts::fullyTrained).distinct().toList();
    }

    /**
     * A teacher of the student's own architecture (self-distillation, a born-again generation) is
     * the student trained alone, so it is not expected to beat it: the paper's own Table 1 has
     * ResNet18 teaching ResNet18 at the scratch error. Only larger or different teachers are checked.
     */
    private static PremiseRecord beatScratch(Premise p, List<TeacherFacts> all, Map<String, Double> scratch) {
        List<TeacherFacts> teachers = all.stream().filter(t -> !t.sameArchitectureAsStudent()).toList();
        if (teachers.isEmpty()) {
            return row(p, "every teacher is the student's own architecture (" + all.get(0).label()
                    + "): there is no larger teacher to compare with the student trained alone", Double.NaN,
                    Double.NaN, "% test error", true);
        }
        TeacherFacts worst = teachers.stream()
                .max(Comparator.comparingDouble(t -> t.testError() - scratch.get(t.studentArch()))).orElseThrow();
        double threshold = scratch.get(worst.studentArch());
        String statement = String.format(Locale.ROOT, "every teacher has a lower test error than its student "
                + "architecture trained alone (worst: %s %.2f %% vs %s from scratch %.2f %%)", worst.label(),
                worst.testError(), worst.studentArch(), threshold);
        return row(p, statement, worst.testError(), threshold, "% test error", worst.testError() < threshold);
    }

    private static PremiseRecord fitTraining(Premise p, List<TeacherFacts> teachers) {
        TeacherFacts worst = teachers.stream().max(Comparator.comparingDouble(TeacherFacts::trainError)).orElseThrow();
        double threshold = Premise.MAX_TEACHER_TRAINING_ERROR;
        String statement = String.format(Locale.ROOT, "every teacher's final training error is below %.0f %% "
                + "(worst: %s %.2f %%)", threshold, worst.label(), worst.trainError());
        return row(p, statement, worst.trainError(), threshold, "% training error", worst.trainError() < threshold);
    }

    private static PremiseRecord pastFirstDecay(List<TeacherFacts> teachers) {
        List<TeacherFacts> stopped = teachers.stream().filter(TeacherFacts::stopped).toList();
        if (stopped.isEmpty()) {
            // e.g. the fully trained end of a stop sweep: nothing is stopped, nothing to object to
            TeacherFacts t = teachers.get(0);
            return row(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY, "no teacher is stopped early here (" + t.label()
                    + " trained all " + t.epochs() + " epochs)", t.stopEpoch(), t.firstDecay(), "epochs", true);
        }
        TeacherFacts worst = stopped.stream().min(Comparator.comparingInt(t -> t.stopEpoch() - t.firstDecay()))
                .orElseThrow();
        boolean holds = worst.firstDecay() >= 0 && worst.stopEpoch() > worst.firstDecay();
        String statement = String.format(Locale.ROOT, "every early-stopped teacher's checkpoint was trained past its "
                + "first learning-rate decay (worst: %s, first decay at epoch %s)",
                stoppedLabel(worst), worst.firstDecay() < 0 ? "none" : Integer.toString(worst.firstDecay()));
        return row(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY, statement, worst.stopEpoch(), worst.firstDecay(),
                "epochs", holds);
    }

    /** The teacher's label with its stop said once: the arm's labels already end in "stopped after N epochs". */
    private static String stoppedLabel(TeacherFacts t) {
        String stop = " stopped after " + t.stopEpoch() + " epochs";
        return t.label().endsWith(stop) ? t.label() : t.label() + stop;
    }

    static PremiseRecord row(Premise p, String statement, double observed,
            double threshold, String unit, boolean holds) {
        return new PremiseRecord(p.name(), statement, observed, threshold, unit, holds);
    }
}
