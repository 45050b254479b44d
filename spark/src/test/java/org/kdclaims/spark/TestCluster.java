package org.kdclaims.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.kdclaims.config.Settings;

/**
 * A Spark standalone cluster on 127.0.0.1 for the tests: a master and workers, each in its own JVM,
 * started from Spark's own classes with this JVM's class path, one core each, web UIs on random
 * ports. {@link #close} kills every JVM it started, their executors included, whatever the test did.
 */
final class TestCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private final Path dir;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    private final String url;

    private TestCluster(Path dir, Process master, String url) {
        this.dir = dir;
        this.master = master;
        this.url = url;
    }

    /** A master and {@code count} one-core workers; returns once the master listens. */
    static TestCluster start(Path dir, int count) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(sparkHome(dir).resolve("jars"));
        Process master = jvm(dir, "master", "org.apache.spark.deploy.master.Master", "--host", LOOPBACK, "--port",
                Integer.toString(port), "--webui-port", "0");
        TestCluster c = new TestCluster(dir, master, "spark://" + LOOPBACK + ":" + port);
        // should this JVM end without close (a killed test run), its cluster ends with it
        Runtime.getRuntime().addShutdownHook(new Thread(c::close, "kd-test-cluster-stop"));
        try {
            awaitPort(port, master, Duration.ofSeconds(60));
            for (int i = 0; i < count; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                c.workDirs.add(work);
                c.workers.add(jvm(dir, "worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", LOOPBACK,
                        "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1536m", "--work-dir",
                        work.toString(), c.url));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    String url() {
        return url;
    }

    /**
     * The worker whose executor {@code executorId} of application {@code appId} is (Spark names each
     * executor's folder in its worker's work dir), or -1.
     */
    int workerOf(String appId, String executorId) {
        for (int i = 0; i < workDirs.size(); i++) {
            if (Files.isDirectory(workDirs.get(i).resolve(appId).resolve(executorId))) {
                return i;
            }
        }
        return -1;
    }

    /** kill -9 of worker {@code i}'s JVM and its executors' JVMs, as when its machine dies. */
    void killWorker(int i) {
        Process w = workers.get(i);
        List<ProcessHandle> children = w.descendants().toList();
        w.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** The driver's configuration for this cluster's tests. */
    SparkConf clusterConf(Settings s) {
        return TestCluster.driverConf(s).set("spark.executor.memory", "1g")
                // executors run the driver's class path (the worker's SPARK_HOME/jars is empty here) with
                // the test JVM's logging configuration
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", "-Djava.util.logging.config.file=" + loggingConfig());
    }

    /** Any test's driver: on 127.0.0.1 only, without a UI. */
    static SparkConf driverConf(Settings s) {
        return SparkContexts.conf(s).set("spark.driver.host", LOOPBACK).set("spark.driver.bindAddress", LOOPBACK)
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false");
    }

    /** Waits until {@code count} executors (besides the driver) have registered with {@code sc}. */
    static void awaitExecutors(JavaSparkContext sc, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (sc.sc().getExecutorIds().size() < count) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("only " + sc.sc().getExecutorIds() + " of " + count
                        + " executors registered in " + timeout + "; worker logs are under the test's temp dir");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < workers.size(); i++) {
            killWorker(i);
        }
        List<ProcessHandle> children = master.descendants().toList();
        master.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        Stream.concat(workers.stream(), Stream.of(master)).forEach(p -> {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Path sparkHome(Path dir) {
        return dir.resolve("spark-home");
    }

    /** A JVM running {@code main} with this JVM's class path and Spark's module flags; output to {@code name}.log. */
    private static Process jvm(Path dir, String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Djava.util.logging.config.file=" + loggingConfig(),
                "-Dspark.master.rest.enabled=false", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        // Spark's launcher builds each executor's command from SPARK_HOME (an empty jars folder here:
        // the class path is the driver's, spark.executor.extraClassPath) and the Scala version
        pb.environment().put("SPARK_HOME", sparkHome(dir).toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", LOOPBACK);
        return pb.start();
    }

    static String loggingConfig() {
        return new File(TestCluster.class.getResource("/logging.properties").getFile()).getAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the Spark master exited with " + p.exitValue() + "; see master.log");
            }
            try (java.net.Socket s = new java.net.Socket(LOOPBACK, port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the Spark master did not listen on port " + port + " within " + timeout);
    }
}
