package org.kdclaims.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.kdclaims.config.Settings;
import org.kdclaims.io.Console;

/**
 * The driver's one Spark context (Spark allows one per JVM), made on the first suite that trains
 * and shared by the later suites of the session; stopped when the JVM ends. Any {@code spark.*}
 * system property (e.g. {@code -Dspark.executor.memory=8g}) reaches its configuration, as Spark's
 * own {@link SparkConf} reads them.
 */
public final class SparkContexts {
    private static JavaSparkContext shared;
    /**
     * Spark logs every job and block at INFO, which would bury the suite's progress lines. It logs
     * through SLF4J to java.util.logging here, which keeps loggers weakly: held, or the level is lost.
     */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private SparkContexts() {
    }

    /** The configuration for {@code settings}: the master, and each task asks for a run's threads. */
    public static SparkConf conf(Settings settings) {
        return new SparkConf()
                .setMaster(settings.sparkMaster())
                .setAppName("kd-claims")
                // one run = one task = T cores: Spark packs as many runs on an executor as it has T-core slots
                .set("spark.task.cpus", Integer.toString(settings.threads()))
                // a task fails only when its executor is lost (a training failure is a result, not an
                // exception): retry it elsewhere; the retry resumes from the run's journal
                .setIfMissing("spark.task.maxFailures", "4");
    }

    /** The session's context for {@code settings}, started now if none is. */
    public static synchronized JavaSparkContext shared(Settings settings) {
        if (shared != null && !shared.sc().isStopped()) {
            String master = shared.master();
            if (!master.equals(settings.sparkMaster())) {
                throw new IllegalStateException("this JVM's Spark context runs on " + master + ", not on "
                        + settings.sparkMaster() + " (-D" + Settings.SPARK_MASTER + "): Spark allows one context per"
                        + " JVM; run one master per test session");
            }
            return shared;
        }
        Console.line("[kd] spark: connecting to " + settings.sparkMaster());
        for (String name : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop"}) {
            Logger l = Logger.getLogger(name);
            if (l.getLevel() == null) { // a level the user configured stays
                l.setLevel(Level.WARNING);
            }
            QUIETED.add(l);
        }
        shared = new JavaSparkContext(conf(settings));
        JavaSparkContext sc = shared;
        Runtime.getRuntime().addShutdownHook(new Thread(sc::stop, "kd-spark-stop"));
        return shared;
    }
}
