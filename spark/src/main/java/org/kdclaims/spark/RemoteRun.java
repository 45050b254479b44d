package org.kdclaims.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkEnv;
import org.kdclaims.config.Settings;
import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.StoreTrainer;
import org.kdclaims.plan.TrainingHooks;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.RunJournal;
import org.kdclaims.training.TeacherOrbit;

/**
 * The executor's side of a Spark task: trains one run into the shared model store exactly as the
 * local executor's {@link StoreTrainer} does (it is the same class), re-created here from the
 * ticket. One trainer per executor JVM and settings, so that runs on one executor share loaded data
 * and teacher logits as the local executor's workers do. A teacher comes from the store only: the
 * driver starts a student after its teacher's task ended, so the teacher is there (or the student
 * fails with a message naming it).
 */
final class RemoteRun {
    private static final Map<Map<String, String>, Session> SESSIONS = new ConcurrentHashMap<>();

    private RemoteRun() {
    }

    /** The task's body: never throws for a training failure (the driver fails the run, Spark does not retry it). */
    static TaskResult train(RunTicket ticket) {
        long t0 = System.nanoTime();
        AtomicInteger resumed = new AtomicInteger();
        AtomicBoolean trained = new AtomicBoolean();
        try {
            Session session = SESSIONS.computeIfAbsent(ticket.settings(), k -> new Session(ticket.readSettings()));
            RunRequest run = ticket.request();
            NativeBackend.useThreadsOnThisThread(session.settings.threads());
            session.checkKey(run, ticket.basis());
            StoreTrainer trainer = session.trainer(resumed, trained);
            // the tables the driver's plan chose (null: every table that applies), as on the local executor
            trainer.orbits().planned(ticket.plannedOrbits());
            trainer.train(run);
            return new TaskResult(ticket.key(), true, trained.get(), resumed.get(), seconds(t0), executor(), null);
        } catch (Throwable t) { // NOPMD: as on the local executor, any failure fails only this run's claims
            return new TaskResult(ticket.key(), false, false, resumed.get(), seconds(t0), executor(),
                    "training " + ticket.label() + " on Spark executor " + executor() + " failed: " + trace(t));
        }
    }

    /** What one executor JVM keeps for one driver's settings. */
    private static final class Session {
        private final Settings settings;
        private final ModelStore models;
        private final Map<DataSetId, TrainingData> data = new ConcurrentHashMap<>();
        private final long teacherLogitBytes;
        private final long orbitBytes;
        private final ThreadLocal<TrainingHooks> hooks = new ThreadLocal<>();
        private StoreTrainer trainer;

        Session(Settings settings) {
            this.settings = settings;
            this.teacherLogitBytes = (long) (1e6 * settings.teacherLogitCacheMb());
            this.orbitBytes = (long) (1e6 * settings.orbitMb());
            try {
                // the key names the thread count (libnd4j's pools are per JVM): set before any key is computed
                NativeBackend.configureThreads(settings.threads());
            } catch (LinkageError e) {
                throw new IllegalStateException("this worker cannot load the ND4J native library ("
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e
                        + ". Every worker runs the jar set the driver uses, natives included (README, \"Running on"
                        + " a Spark cluster\"): build it with mvn -pl spark -am package -DskipTests", e);
            }
            this.models = ModelStore.of(settings.modelsDir(), settings.cachePolicy());
        }

        TrainingData data(DataSetId id) {
            return data.computeIfAbsent(id, k -> settings.dataProvider().load(k, settings.dataScale()));
        }

        /**
         * The model key this worker computes must be the driver's: it names the native build, the
         * thread count and the CPU instruction set, so a worker of another kind would train other
         * numbers under the driver's key. Refused, saying which line differs.
         */
        void checkKey(RunRequest run, String driverBasis) {
            // an orbit pass's basis is its table's key, which names the machine's build as a model key does
            String here = run.isOrbit()
                    ? TeacherOrbit.key(run.teacherCheckpoint(), data(run.data()), run.role().equals(RunRequest.ORBIT_WITH_MAPS))
                    : ModelStore.basis(run.spec(), data(run.data()), run.teacherCheckpoint());
            if (!here.equals(driverBasis)) {
                throw new IllegalStateException("this worker would train another model than the driver planned"
                        + " under key " + run.key() + ": " + Difference.of(driverBasis, here)
                        + ". Workers need the driver's native build, kd.threads and CPU instruction set (or a"
                        + " driver on a machine like the workers), so that one key always means the same numbers");
            }
        }

        /** The trainer, with this task's witness of the run's journal (resumed from, trained here). */
        synchronized StoreTrainer trainer(AtomicInteger resumed, AtomicBoolean trained) {
            hooks.set(new TrainingHooks() {
                @Override
                public RunJournal journal(RunRequest run, RunJournal journal) {
                    return new WitnessedJournal(journal, resumed, trained);
                }
            });
            if (trainer == null) {
                trainer = new StoreTrainer(models, this::data, (key, label) -> models.find(key)
                        .orElseThrow(() -> new IllegalStateException("the teacher of " + label + " (model " + key
                                + ") is not in the shared model store " + models.directory() + " as this worker"
                                + " sees it: every worker must mount the store at the driver's path")),
                        teacherLogitBytes, orbitBytes, hooks::get);
            }
            return trainer;
        }
    }

    /** A journal that tells the task whether its run resumed (and from which epoch) and finished here. */
    private record WitnessedJournal(RunJournal journal, AtomicInteger resumed, AtomicBoolean trained)
            implements RunJournal {
        @Override
        public Optional<Progress> load() {
            Optional<Progress> p = journal.load();
            p.ifPresent(progress -> resumed.set(progress.curve().size()));
            return p;
        }

        @Override
        public void save(Progress progress) {
            journal.save(progress);
        }

        @Override
        public void finished() {
            trained.set(true);
            journal.finished();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String executor() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "?" : env.executorId() + "@" + env.blockManager().blockManagerId().host();
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
