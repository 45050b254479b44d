package org.kdclaims.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A GPU as the CUDA build of ND4J would use it, and whether that build can run on it. DL4J
 * 1.0.0-M2.1 (the newest release) has one CUDA build, 11.6, whose kernels are compiled for compute
 * capabilities up to 8.6: Ampere (A100 8.0, A10/A40/RTX 30xx 8.6) and older run; Ada (8.9) and Hopper
 * (H100, H200: 9.0) do not. The check is a pure function ({@link #refusal}) of the device and the
 * build, so that it is tested without a GPU; {@link #detect} asks {@code nvidia-smi}, before ND4J
 * loads, so that a run is refused before anything trains. None of this was run on a GPU.
 *
 * @param capability the compute capability, e.g. {@code 8.6}, as major * 10 + minor (86)
 */
public record CudaDevice(String name, int capability) {
    /** The CUDA build on the class path with {@code -Dgpu}, as the model key names it. */
    public static final String BUILD = "cuda-11.6";
    /** The newest compute capability the CUDA build carries kernels for (8.6). */
    public static final int BUILD_MAX_CAPABILITY = 86;

    /** e.g. "8.6". */
    public String capabilityText() {
        return capabilityText(capability);
    }

    /** The build and the device, for the model key: a CUDA model never shares a key with a CPU one or another GPU's. */
    public String buildId() {
        return "linux-x86_64-" + BUILD + " gpu=" + name + " sm_" + capability;
    }

    /**
     * Why the CUDA build cannot run on GPU {@code name} of compute capability {@code capability}
     * when it carries kernels up to {@code buildMax}, with the fix; empty when it can.
     */
    public static Optional<String> refusal(String name, int capability, int buildMax) {
        if (capability <= buildMax) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "-Dgpu: the GPU %s has compute capability %s, but ND4J's %s"
                + " build (DL4J 1.0.0-M2.1, the newest release) carries kernels for compute capabilities up to %s"
                + " only, so it cannot train on it. Use a GPU of compute capability %s or lower (e.g. A100 8.0,"
                + " A10/A40/RTX 3090 8.6, T4 7.5, V100 7.0), or train on the CPU: leave out -Dgpu",
                name, capabilityText(capability), BUILD, capabilityText(buildMax), capabilityText(buildMax)));
    }

    /** One line of {@code nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader}, e.g. "NVIDIA H100 80GB HBM3, 9.0". */
    static CudaDevice parse(String line) {
        int comma = line.lastIndexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("not a \"name, compute capability\" line of nvidia-smi: " + line);
        }
        String[] cc = line.substring(comma + 1).trim().split("\\.");
        if (cc.length != 2) {
            throw new IllegalArgumentException("nvidia-smi gave no compute capability in \"" + line + "\"");
        }
        return new CudaDevice(line.substring(0, comma).trim(), Integer.parseInt(cc[0]) * 10 + Integer.parseInt(cc[1]));
    }

    /**
     * The GPU the CUDA build will use (the first one {@code CUDA_VISIBLE_DEVICES} leaves, by index),
     * from {@code nvidia-smi}; refused with a message when there is none or the build cannot run on it.
     */
    static CudaDevice detect() {
        List<CudaDevice> all = new ArrayList<>();
        for (String line : nvidiaSmi()) {
            if (!line.isBlank()) {
                all.add(parse(line));
            }
        }
        String visible = System.getenv("CUDA_VISIBLE_DEVICES");
        int index = visible == null || visible.isBlank() ? 0 : Integer.parseInt(visible.split(",")[0].trim());
        if (index >= all.size()) {
            throw new IllegalStateException("-Dgpu: nvidia-smi lists " + all.size() + " GPU(s); there is no GPU "
                    + index + " (CUDA_VISIBLE_DEVICES=" + visible + "). Leave out -Dgpu to train on the CPU");
        }
        CudaDevice d = all.get(index);
        refusal(d.name(), d.capability(), BUILD_MAX_CAPABILITY).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        return d;
    }

    private static List<String> nvidiaSmi() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("-Dgpu: nvidia-smi failed: " + out.strip()
                        + ". The CUDA build needs an NVIDIA driver for CUDA 11.6; leave out -Dgpu to train on the CPU");
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("-Dgpu: no NVIDIA driver found (nvidia-smi: " + e.getMessage()
                    + "). Leave out -Dgpu to train on the CPU", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("-Dgpu: interrupted while asking nvidia-smi for the GPU", e);
        }
    }

    private static String capabilityText(int capability) {
        return capability / 10 + "." + capability % 10;
    }
}
