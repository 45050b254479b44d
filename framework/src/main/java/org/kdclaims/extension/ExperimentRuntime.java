package org.kdclaims.extension;

import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.kdclaims.annotations.Dataset;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.reports.model.ResultsStore;
import org.kdclaims.store.ModelStore;
import org.kdclaims.reports.model.RunInfo;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.TeacherLogitCache;
import org.kdclaims.training.TrainingData;

/**
 * What every claim of one test run shares, kept in the root {@link ExtensionContext.Store} and
 * closed when the run ends: the scale profile, loaded data sets, the model store and the results
 * store (run.json is written at the start and completed at the end).
 */
public final class ExperimentRuntime implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExperimentRuntime.class);

    private final ScaleProfile profile;
    private final ModelStore models = ModelStore.fromSystemProperties();
    private final ResultsStore results;
    private final Map<Dataset.Kind, TrainingData> data = new EnumMap<>(Dataset.Kind.class);
    private final RunInfo startInfo;
    /** Teacher logits per (teacher, data, seed, epoch), shared by the arms of a run (-Dkd.teacherLogitCacheMb, 0 = off). */
    private final TeacherLogitCache teacherLogits = new TeacherLogitCache(
            (long) (1e6 * Double.parseDouble(System.getProperty("kd.teacherLogitCacheMb", "256"))));

    ExperimentRuntime(ScaleProfile profile, ResultsStore results) {
        this.profile = profile;
        this.results = results;
        this.startInfo = new RunInfo(UUID.randomUUID().toString(), Instant.now().toString(), null, profile.name(),
                DataProvider.realDataRequested() ? "real" : "synthetic", NativeBackend.buildId(),
                NativeBackend.threads(), NativeBackend.versions(), host());
        results.clear(); // a results directory holds one run: the report must not mix runs
        results.writeRun(startInfo);
    }

    /** The run's runtime, created on first use. */
    public static ExperimentRuntime of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ExperimentRuntime.class,
                k -> new ExperimentRuntime(ScaleProfile.fromSystemProperties(), ResultsStore.defaultStore()),
                ExperimentRuntime.class);
    }

    public ScaleProfile profile() {
        return profile;
    }

    public ModelStore models() {
        return models;
    }

    public ResultsStore results() {
        return results;
    }

    public RunInfo runInfo() {
        return startInfo;
    }

    public TeacherLogitCache teacherLogits() {
        return teacherLogits;
    }

    public synchronized TrainingData data(Dataset.Kind kind) {
        return data.computeIfAbsent(kind, k -> DataProvider.load(k, profile));
    }

    @Override
    public void close() {
        if (teacherLogits.enabled()) {
            System.err.println("[kd] teacher logits: " + teacherLogits.stats());
        }
        results.writeRun(new RunInfo(startInfo.runId(), startInfo.startedAt(), Instant.now().toString(),
                startInfo.scale(), startInfo.dataset(), startInfo.nativeBuild(), startInfo.threads(),
                startInfo.versions(), startInfo.host()));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
