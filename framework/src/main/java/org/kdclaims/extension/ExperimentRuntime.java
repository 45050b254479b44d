package org.kdclaims.extension;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.config.Settings;
import org.kdclaims.data.DataSetId;
import org.kdclaims.io.Console;
import org.kdclaims.plan.RunOutcome;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.RunTrainer;
import org.kdclaims.plan.StoreTrainer;
import org.kdclaims.plan.TrainingHooks;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.events.ClaimEvents;
import org.kdclaims.results.model.RunInfo;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.TeacherLogitCache;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.data.TrainingData;
import java.util.LinkedHashMap;

/**
 * What every claim of one test session shares: settings and scale profile, loaded data sets, the
 * model store, the teacher-logit cache, the outcome of every training run of the suite's plan, the
 * results store (run.json is written at the start and completed at the end), and the claim event
 * listeners.
 *
 * <p>It lives in one place: JUnit's stores, under one namespace and key. When the launcher starts,
 * {@link SuitePlanListener} puts the session's runtime into the launcher session's store (so the
 * whole selection is planned first); the root {@link ExtensionContext.Store} of every engine
 * execution in that session looks up through its parents, so the extension finds that runtime.
 * Where no launcher session listener runs (EngineTestKit), the same lookup finds nothing and the
 * first claim class makes one in the root store, closed when the engine execution ends.
 */
final class ExperimentRuntime implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExperimentRuntime.class);
    /** The same namespace as the launcher's stores name it: Jupiter maps a namespace to its parts. */
    private static final Namespace SESSION_NAMESPACE = Namespace.create(ExperimentRuntime.class);
    /** Tests only: steps into training (to simulate a diverged or killed run). */
    static volatile TrainingHooks hooks = TrainingHooks.NONE;

    private final Settings settings;
    private final ScaleProfile profile;
    private final ModelStore models;
    private final ResultsStore results;
    /** The claim event listeners on the class path (the reports' Allure writer, when the reports are there). */
    private final ClaimEvents events = ClaimEvents.discovered();
    private final Map<DataSetId, TrainingData> data = new LinkedHashMap<>();
    private final RunInfo startInfo;
    private final Map<String, RunOutcome> outcomes = new ConcurrentHashMap<>();
    private final Set<String> trainedHere = ConcurrentHashMap.newKeySet();
    private final Set<String> recordedOnce = ConcurrentHashMap.newKeySet();
    /** Every run planned in this session by key: what to train again if its stored model is lost. */
    private final Map<String, RunRequest> planned = new ConcurrentHashMap<>();
    /** One lock per run trained again on reading, so that two claims reading it train it once. */
    private final Map<String, Object> retraining = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Trains a run into the store; shares teacher logits per (teacher, data, seed, epoch) (-Dkd.teacherLogitCacheMb, 0 = off). */
    private final StoreTrainer trainer;

    ExperimentRuntime(Settings settings, ResultsStore results) {
        this.settings = settings;
        this.profile = settings.scale();
        this.results = results;
        this.models = ModelStore.of(settings.modelsDir(), settings.cachePolicy());
        this.trainer = new StoreTrainer(models, this::data, this::trained, (long) (1e6 * settings.teacherLogitCacheMb()),
                (long) (1e6 * settings.orbitMb()),
                () -> hooks);
        NativeBackend.configureThreads(settings.threads());
        this.startInfo = new RunInfo(UUID.randomUUID().toString(), Instant.now().toString(), null, profile.name(),
                settings.realData() ? "real" : "synthetic", NativeBackend.buildId(),
                NativeBackend.threads(), versions(), host(), settings.seedBase(), NativeBackend.cpuIsa());
        if (!settings.planOnly()) {
            results.clear(); // a results directory holds one run: the report must not mix runs
            results.writeRun(startInfo);
        }
    }

    /**
     * The session's runtime: the launcher session's (found through the root store's parents), or,
     * where none was started, one per engine execution in the root store, made on first use.
     */
    static ExperimentRuntime of(ExtensionContext context) {
        // read before: settings(context) looks for the runtime, which must not be under construction then
        Settings settings = settings(context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ExperimentRuntime.class,
                k -> new ExperimentRuntime(settings, ResultsStore.defaultStore()), ExperimentRuntime.class);
    }

    /**
     * The session's settings: its runtime's, where there is one, or read once per engine execution
     * (JUnit's configuration parameters, then system properties) into the root store, without
     * starting a runtime (an execution condition must not clear the results directory).
     */
    static Settings settings(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        ExperimentRuntime runtime = root.get(ExperimentRuntime.class, ExperimentRuntime.class);
        if (runtime != null) {
            return runtime.settings;
        }
        return root.getOrComputeIfAbsent(Settings.class,
                k -> Settings.fromParametersOrSystem(context::getConfigurationParameter), Settings.class);
    }

    /** Starts the runtime of a launcher session in its store, where every engine execution of the session finds it. */
    static ExperimentRuntime startSession(NamespacedHierarchicalStore<Namespace> session, Settings settings) {
        endSession(session); // a second test plan in one session starts afresh, as its results directory does
        ExperimentRuntime runtime = new ExperimentRuntime(settings, ResultsStore.defaultStore());
        session.put(SESSION_NAMESPACE, ExperimentRuntime.class, runtime);
        return runtime;
    }

    /**
     * Ends the session's runtime, if one was started, before the launcher session closes: run.json
     * is complete when the session's report is written from it.
     */
    static void endSession(NamespacedHierarchicalStore<Namespace> session) {
        ExperimentRuntime runtime = session.remove(SESSION_NAMESPACE, ExperimentRuntime.class, ExperimentRuntime.class);
        if (runtime != null) {
            runtime.close();
        }
    }

    Settings settings() {
        return settings;
    }

    ScaleProfile profile() {
        return profile;
    }

    ModelStore models() {
        return models;
    }

    ResultsStore results() {
        return results;
    }

    ClaimEvents events() {
        return events;
    }

    RunInfo runInfo() {
        return startInfo;
    }

    synchronized TrainingData data(DataSetId id) {
        return data.computeIfAbsent(id, k -> settings.dataProvider().load(k, settings.dataScale()));
    }

    synchronized Map<DataSetId, TrainingData> loadedData() {
        return Map.copyOf(data);
    }

    /** Marks a run as planned in this session; false if it already was. */
    boolean plan(RunRequest run) {
        return planned.putIfAbsent(run.key(), run) == null;
    }

    boolean wasPlanned(String key) {
        return planned.containsKey(key);
    }

    /** The outcome of a run planned in this session, if it was. */
    Optional<RunOutcome> outcome(String key) {
        return Optional.ofNullable(outcomes.get(key));
    }

    void recordOutcomes(Map<String, RunOutcome> byKey) {
        byKey.forEach((k, o) -> {
            outcomes.merge(k, o, (old, now) -> old.ok() ? now : old);
            if (o.status() == RunOutcome.Status.TRAINED) {
                trainedHere.add(k);
            }
        });
    }

    TeacherLogitCache teacherLogits() {
        return trainer.teacherLogits();
    }

    /** How a run is trained: the store-backed trainer of the plan package, with this session's teachers. */
    RunTrainer trainer() {
        return trainer;
    }

    /**
     * A planned run's model from the store. A run that failed (or was blocked by a failed teacher) in
     * this session's plan fails the claim with why. A model the plan counted as stored but that is
     * gone when read (damaged, or deleted, since the plan) is trained again here, as the executor
     * would have: same key, same seed, so bitwise the same model.
     */
    TrainedModel trained(RunRequest run) {
        return trained(run.key(), run.label());
    }

    TrainedModel trained(String key, String label) {
        Optional<RunOutcome> o = outcome(key);
        if (o.isPresent() && !o.get().ok()) {
            throw new IllegalStateException("training run " + label + " did not finish: " + o.get().error().getMessage(),
                    o.get().error());
        }
        Optional<TrainedModel> stored = models.find(key);
        if (stored.isPresent()) {
            return stored.get();
        }
        RunRequest run = planned.get(key);
        if (run == null || settings.planOnly()) {
            throw new IllegalStateException("training run " + label + " (model " + key + ") is not in the model store "
                    + models.directory() + " and was not planned in this session"
                    + (settings.planOnly() ? " (-Dkd.plan=only trains nothing)" : ""));
        }
        return trainAgain(run);
    }

    /**
     * Trains a planned run whose model was lost after planning, on this thread, through the
     * executor's trainer: its teacher, if lost too, is trained again first (the trainer reads it
     * through {@link #trained(String, String)}).
     */
    private TrainedModel trainAgain(RunRequest run) {
        synchronized (retraining.computeIfAbsent(run.key(), k -> new Object())) {
            Optional<TrainedModel> meanwhile = models.find(run.key());
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            Console.line("[kd] " + run.label() + " (model " + run.key() + ") is no longer in the model store "
                    + models.directory() + " (damaged or deleted since the plan); training it again");
            NativeBackend.useThreadsOnThisThread(settings.threads()); // as on a worker: part of the model key
            try {
                trainer().train(run);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("training run " + run.label() + " again failed: " + e, e);
            }
            trainedHere.add(run.key());
            return models.find(run.key()).orElseThrow(() -> new IllegalStateException("training run " + run.label()
                    + " (model " + run.key() + ") was trained again but is not in the model store"));
        }
    }

    /**
     * True exactly once per run trained in this session: the first claim that records it shows it
     * as trained, later ones as taken from the store.
     */
    boolean firstUseOfRunTrainedHere(String key) {
        return trainedHere.contains(key) && recordedOnce.add(key);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        trainer.printStatistics();
        if (!settings.planOnly()) {
            results.writeRun(new RunInfo(startInfo.runId(), startInfo.startedAt(), Instant.now().toString(),
                    startInfo.scale(), startInfo.dataset(), startInfo.nativeBuild(), startInfo.threads(),
                    startInfo.versions(), startInfo.host(), startInfo.seedBase(), startInfo.cpuIsa()));
        }
    }

    private static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>(NativeBackend.versions());
        v.put("cpu", NativeBackend.cpuIsa());
        return v;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
