package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The GPU check as a function of the device and the build: no GPU needed (none was available). */
class CudaDeviceTest {

    @Test
    void hopperIsRefusedWithTheGpuItsCapabilityWhatTheBuildSupportsAndTheFix() {
        assertThat(CudaDevice.refusal("NVIDIA H100 80GB HBM3", 90, CudaDevice.BUILD_MAX_CAPABILITY)).hasValueSatisfying(
                why -> assertThat(why).contains("NVIDIA H100 80GB HBM3").contains("compute capability 9.0")
                        .contains("cuda-11.6").contains("up to 8.6").contains("leave out -Dgpu")
                        .contains("8.6 or lower"));
        assertThat(CudaDevice.refusal("NVIDIA H200", 90, 86)).isPresent();
        assertThat(CudaDevice.refusal("NVIDIA L4", 89, 86)).as("Ada, 8.9").isPresent();
    }

    @Test
    void ampereAndOlderAreExpectedToRun() {
        assertThat(CudaDevice.refusal("NVIDIA A100-SXM4-40GB", 80, 86)).isEmpty();
        assertThat(CudaDevice.refusal("NVIDIA GeForce RTX 3090", 86, 86)).as("the build's newest").isEmpty();
        assertThat(CudaDevice.refusal("Tesla V100-SXM2-16GB", 70, 86)).isEmpty();
    }

    @Test
    void nvidiaSmiLinesAreRead() {
        CudaDevice d = CudaDevice.parse("NVIDIA H100 80GB HBM3, 9.0");
        assertThat(d).isEqualTo(new CudaDevice("NVIDIA H100 80GB HBM3", 90));
        assertThat(d.capabilityText()).isEqualTo("9.0");
        assertThat(CudaDevice.parse("Tesla T4, 7.5").capability()).isEqualTo(75);
        assertThatThrownBy(() -> CudaDevice.parse("NVIDIA H100, [N/A]")).hasMessageContaining("no compute capability");
    }

    @Test
    void theModelKeyNamesTheCudaBuildAndTheDevice() {
        String a100 = new CudaDevice("NVIDIA A100-SXM4-40GB", 80).buildId();
        assertThat(a100).contains("cuda-11.6").contains("NVIDIA A100-SXM4-40GB").contains("sm_80");
        assertThat(a100).isNotEqualTo(new CudaDevice("NVIDIA A10", 86).buildId());
        // this machine's CPU build: a CUDA model never shares its key
        assertThat(NativeBackend.buildId()).doesNotContain("cuda").isNotEqualTo(a100);
    }
}
