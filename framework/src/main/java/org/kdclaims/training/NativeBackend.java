package org.kdclaims.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kdclaims.models.NativeGraph;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Selects and describes the native ND4J build before ND4J first loads.
 *
 * <p>JavaCPP only loads the oneDNN build of libnd4j when {@code javacpp.platform.extension} names it
 * (shared/PERF.md: 5-6x faster SameDiff convolutions). The build present on the class path is
 * detected from its resource folder, so whichever classifier Maven resolved is the one used; an
 * explicit {@code -Djavacpp.platform.extension=...} always wins.
 */
public final class NativeBackend {
    private static final String[] EXTENSIONS = {"-onednn-avx512", "-onednn-avx2", "-onednn", ""};
    private static volatile boolean initialised;
    /** The GPU of the CUDA build ({@code -Dgpu}), checked before ND4J loads; null on the CPU build. */
    private static volatile CudaDevice gpu;
    /**
     * Levels of the libraries' loggers. SLF4J is a facade without a way to set levels, so this is
     * configured on the backend it is bound to here (slf4j-jdk14, i.e. java.util.logging), which
     * keeps loggers weakly: hold them, or their levels are lost.
     */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private NativeBackend() {
    }

    /** Chooses the build, quiets SameDiff's per-op logging and loads ND4J. Idempotent. */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        if (cudaBuildPresent()) {
            gpu = CudaDevice.detect(); // refuses a GPU the build cannot run, before anything loads or trains
        } else if (System.getProperty("javacpp.platform.extension") == null) {
            System.setProperty("javacpp.platform.extension", detectExtension());
        }
        quietLogging();
        Nd4j.create(1); // forces the backend to load now, with a clear stack trace if it cannot
        initialised = true;
    }

    static String detectExtension() {
        ClassLoader cl = NativeBackend.class.getClassLoader();
        for (String ext : EXTENSIONS) {
            String folder = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + ext + "/";
            if (cl.getResource(folder) != null) {
                return ext;
            }
        }
        return "";
    }

    /** e.g. "nd4j-native linux-x86_64-onednn-avx2, 2 threads": recorded with every result. */
    public static String describe() {
        init();
        if (gpu != null) {
            return "nd4j-cuda " + gpu.buildId() + ", " + threads() + " threads";
        }
        return "nd4j-native linux-x86_64" + System.getProperty("javacpp.platform.extension", "")
                + ", " + threads() + " threads";
    }

    /**
     * The native build, as the model key names it: the CPU build's classifier (unchanged, so CPU
     * keys stay as they were), or the CUDA build with its GPU and compute capability, so that a CUDA
     * model never shares a key with a CPU model or another GPU's.
     */
    public static String buildId() {
        init();
        return gpu != null ? gpu.buildId() : "linux-x86_64" + System.getProperty("javacpp.platform.extension", "");
    }

    /** The CUDA backend of ND4J ({@code -Dgpu}) is on the class path (it wins over the CPU one when both are). */
    static boolean cudaBuildPresent() {
        return NativeBackend.class.getClassLoader().getResource("org/nd4j/linalg/jcublas/JCublasBackend.class") != null;
    }

    /**
     * What decides the floating-point numbers on this machine, as every key names it: the native
     * build, the thread count and the CPU instruction set oneDNN dispatches to, e.g.
     * {@code native=linux-x86_64-onednn-avx2 threads=1 cpu=avx2}. Model keys and orbit-table keys
     * both end in it, so neither is served to a machine that would compute other numbers.
     */
    public static String numerics() {
        return "native=" + buildId() + " threads=" + threads() + " cpu=" + cpuIsa();
    }

    public static int threads() {
        init();
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    /**
     * Sets the compute threads of every training run in this JVM: libnd4j's own pools (a global
     * setting) and OpenMP on the calling thread. OpenMP's thread count is per calling thread, so
     * each worker thread calls {@link #useThreadsOnThisThread} too. Several runs at once with one
     * thread each fill a small machine better than one run with all cores (shared/PERF.md:
     * small models are bound by per-operation overhead, not arithmetic).
     */
    public static synchronized void configureThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per training run must be >= 1, got " + threads);
        }
        init();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        useThreadsOnThisThread(threads);
    }

    /** OpenMP's thread count for native calls made from the current Java thread. */
    public static void useThreadsOnThisThread(int threads) {
        init();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /**
     * The instruction set oneDNN dispatches its kernels to on this CPU, e.g. {@code avx512_core} or
     * {@code avx2}. oneDNN picks kernels at run time, so the same jar, seed and threads give other
     * numbers on a machine with another instruction set: this belongs in every model key and run
     * record ({@link CpuIsa}).
     */
    public static String cpuIsa() {
        return CpuIsa.detect();
    }

    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.version"));
        v.put("nd4j", packageVersion(Nd4j.class, "1.0.0-M2.1"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        v.put("engine", NativeGraph.ENGINE + "; training engine version " + Trainer.ENGINE_VERSION);
        return v;
    }

    private static String packageVersion(Class<?> c, String fallback) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }

    private static void quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        QUIETED.add(logger);
    }

    /** SameDiff prints one line per op while building gradients; DL4J logs at INFO on every load. */
    private static void quietLogging() {
        for (String name : new String[] {"org.nd4j", "org.deeplearning4j", "org.bytedeco"}) {
            quiet(name, Level.WARNING);
        }
        // "Duplicate TF op mapping" warnings at class load: TensorFlow import is unused here
        quiet("org.nd4j.imports", Level.SEVERE);
    }
}
