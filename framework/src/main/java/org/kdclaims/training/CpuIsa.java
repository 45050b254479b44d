package org.kdclaims.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CPU instruction-set tier that oneDNN dispatches to, named as oneDNN names its ISAs
 * ({@code dnnl_cpu_isa_t}): it is what decides which convolution kernels run, and with them the
 * floating-point summation order. Read from the CPU flags of {@code /proc/cpuinfo}; oneDNN's own
 * cap {@code ONEDNN_MAX_CPU_ISA} (or the older {@code DNNL_MAX_CPU_ISA}) is honoured when set, since
 * it lowers the tier the same jar uses.
 */
public final class CpuIsa {
    private static volatile String detected;

    private CpuIsa() {
    }

    public static String detect() {
        String d = detected;
        if (d == null) {
            String cap = System.getenv("ONEDNN_MAX_CPU_ISA");
            if (cap == null) {
                cap = System.getenv("DNNL_MAX_CPU_ISA");
            }
            d = fromFlags(readFlags());
            if (cap != null && !cap.isBlank()) {
                d = d + " (capped: " + cap.trim().toLowerCase(Locale.ROOT) + ")";
            }
            detected = d;
        }
        return d;
    }

    /** The oneDNN tier for a set of {@code /proc/cpuinfo} flags; "unknown" when none can be read. */
    static String fromFlags(Set<String> f) {
        if (f.isEmpty()) {
            return "unknown";
        }
        boolean avx512Core = f.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"));
        if (avx512Core && f.containsAll(Set.of("amx_tile", "amx_bf16", "amx_int8"))) {
            return "avx512_core_amx";
        }
        if (avx512Core && f.contains("avx512_bf16")) {
            return "avx512_core_bf16";
        }
        if (avx512Core && f.contains("avx512_vnni")) {
            return "avx512_core_vnni";
        }
        if (avx512Core) {
            return "avx512_core";
        }
        if (f.containsAll(Set.of("avx2", "fma")) && f.contains("avx_vnni")) {
            return "avx2_vnni";
        }
        if (f.containsAll(Set.of("avx2", "fma"))) {
            return "avx2";
        }
        if (f.contains("avx")) {
            return "avx";
        }
        return f.contains("sse4_1") ? "sse41" : "baseline";
    }

    private static Set<String> readFlags() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                            .collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
