package org.kdclaims.spark;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kdclaims.config.Settings;
import org.kdclaims.data.DataSetId;
import org.kdclaims.models.Architectures;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.training.Distillation;
import org.kdclaims.training.TrainingSpec;

/**
 * One training run as it travels from the driver to a Spark executor: plain values only. The
 * framework's {@link RunRequest} holds an architecture object and is not serialisable, and a
 * driver-side trainer holds the session (its store, data, teacher cache), so the executor re-creates
 * both from this ticket ({@link #request}, {@link #settings}) instead of receiving them. The
 * architecture travels by name, which {@link Architectures#parse} reads back on the executor (a
 * provided architecture needs its provider's jar on the workers too); the executor then checks
 * that its model key is the driver's ({@link RemoteRun}).
 *
 * @param settings the driver's settings as another JVM reads them ({@link Settings#valuesForAnotherJvm})
 * @param plannedOrbits the orbit tables the driver's plan chose ({@code TeacherOrbits#planned}), so that
 *        an executor looks up only those and runs every other teacher on the fly, as the local
 *        executor does; null: no plan, every table that applies
 */
public record RunTicket(String key, String basis, String architecture, int epochs, int batchSize,
        double learningRate, double lrDecay, double[] lrMilestones, double momentum, double weightDecay, long seed,
        Recipe distillation, int kdUntilEpoch, int evalEvery, boolean learningCurve, String dataKind,
        String dataSetting, String role, String parentKey, int parentEpoch, String label,
        TreeMap<String, String> settings, TreeSet<String> plannedOrbits) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A distillation recipe's values ({@link Distillation}). */
    public record Recipe(double tau, double weight, String convention, double attentionBeta) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The ticket of {@code run} with the settings an executor reads, without a plan's choice of orbit tables. */
    public static RunTicket of(RunRequest run, Settings s, Map<String, String> settings) {
        return of(run, s, settings, null);
    }

    /**
     * The ticket of {@code run} with the settings an executor reads (a claim's image-folder location
     * resolved here) and the orbit tables the plan chose (null: none chosen by a plan).
     */
    public static RunTicket of(RunRequest run, Settings s, Map<String, String> settings, Collection<String> plannedOrbits) {
        TrainingSpec t = run.spec();
        Distillation d = t.distillation();
        TreeMap<String, String> values = new TreeMap<>(settings);
        if (run.data().kind() == DataSetId.Kind.IMAGE_FOLDER) {
            s.location(run.data()).ifPresent(p -> values.put(run.data().setting(), p.toAbsolutePath().toString()));
        }
        return new RunTicket(run.key(), run.basis(), t.architecture().name(), t.epochs(), t.batchSize(),
                t.learningRate(), t.lrDecay(), t.lrMilestones(), t.momentum(), t.weightDecay(), t.seed(),
                d == null ? null : new Recipe(d.tau(), d.weight(), d.convention().name(), d.attentionBeta()),
                t.kdUntilEpoch(), t.evalEvery(), t.learningCurve(), run.data().kind().name(), run.data().setting(),
                run.role(), run.parentKey(), run.parentEpoch(), run.label(), values,
                plannedOrbits == null ? null : new TreeSet<>(plannedOrbits));
    }

    /** The run again, on the executor. */
    public RunRequest request() {
        Distillation d = distillation == null ? null : new Distillation(distillation.tau(), distillation.weight(),
                Distillation.Convention.valueOf(distillation.convention()), distillation.attentionBeta());
        TrainingSpec spec = new TrainingSpec(Architectures.parse(architecture), epochs, batchSize, learningRate,
                lrDecay, lrMilestones, momentum, weightDecay, seed, d, kdUntilEpoch, evalEvery, learningCurve);
        return new RunRequest(key, basis, spec, new DataSetId(DataSetId.Kind.valueOf(dataKind), dataSetting), role,
                parentKey, parentEpoch);
    }

    /** The driver's settings, read on the executor. */
    public Settings readSettings() {
        return Settings.from(k -> java.util.Optional.ofNullable(settings.get(k)));
    }
}
