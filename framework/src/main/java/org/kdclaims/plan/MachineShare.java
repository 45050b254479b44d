package org.kdclaims.plan;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How much of the machine's CPU other processes took while the suite trained. Speeds seen under
 * someone else's load are not this machine's speeds: a C6 run beside a build and a CI run trained
 * WRN-10-8 at a median 30 img/s where it trains at 50-70 alone, and learning that speed put the
 * next ci plan at 1h42m instead of the 1h26m of a fresh calibration. So the cost model learns only from suites that had
 * the machine (nearly) to themselves.
 *
 * <p>The share is the machine's busy fraction over the interval ({@code /proc/stat}: jiffies, so no
 * clock rate is needed) minus this process's CPU time over wall time times cores. Where
 * {@code /proc/stat} cannot be read (not Linux) the share is unknown (NaN) and speeds are learned
 * as before this check existed.
 */
final class MachineShare {
    /** Above this share of the machine taken by other processes, speeds are not learned. */
    static final double MAX_OTHERS = 0.10;

    /** Busy and total jiffies of all CPUs, from {@code /proc/stat}'s first line. */
    record Jiffies(long busy, long total) {
        static Jiffies parse(String procStat) {
            String first = procStat.lines().findFirst().orElse("");
            String[] f = first.trim().split("\\s+");
            if (f.length < 5 || !f[0].equals("cpu")) {
                throw new IllegalArgumentException("not /proc/stat's cpu line: '" + first + "'");
            }
            long busy = 0;
            long total = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            return new Jiffies(busy, total);
        }
    }

    private final Supplier<Jiffies> machine;
    private final Supplier<Long> ownCpuNanos;
    private final int cores;
    private final Jiffies machineStart;
    private final long ownStart;
    private final long wallStart;

    MachineShare(Supplier<Jiffies> machine, Supplier<Long> ownCpuNanos, int cores) {
        this.machine = machine;
        this.ownCpuNanos = ownCpuNanos;
        this.cores = cores;
        this.machineStart = machine.get();
        this.ownStart = ownCpuNanos.get();
        this.wallStart = System.nanoTime();
    }

    /** Starts measuring this machine and this JVM now. */
    static MachineShare start() {
        return new MachineShare(MachineShare::readProcStat, MachineShare::processCpuNanos,
                Runtime.getRuntime().availableProcessors());
    }

    /** The share of all cores that other processes used since the start, in [0, 1]; NaN if unknown. */
    double others() {
        Jiffies now = machine.get();
        long own = ownCpuNanos.get();
        long wall = System.nanoTime() - wallStart;
        if (machineStart == null || now == null || own < 0 || ownStart < 0 || wall <= 0) {
            return Double.NaN;
        }
        return others(machineStart, now, own - ownStart, wall, cores);
    }

    static double others(Jiffies from, Jiffies to, long ownCpuNanos, long wallNanos, int cores) {
        long total = to.total() - from.total();
        if (total <= 0 || wallNanos <= 0 || cores <= 0) {
            return Double.NaN;
        }
        double busy = (double) (to.busy() - from.busy()) / total;
        double own = (double) ownCpuNanos / ((double) wallNanos * cores);
        return Math.max(0, Math.min(1, busy - own));
    }

    /** Whether speeds seen now count as this machine's own: the share is small, or unknown. */
    static boolean quiet(double others) {
        return Double.isNaN(others) || others <= MAX_OTHERS;
    }

    /** e.g. "35% of the machine's CPU" (only a known share is ever reported: an unknown one counts as quiet). */
    static String describe(double others) {
        return String.format(Locale.ROOT, "%.0f%% of the machine's CPU", 100 * others);
    }

    private static Jiffies readProcStat() {
        try {
            return Jiffies.parse(Files.readString(Path.of("/proc/stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
