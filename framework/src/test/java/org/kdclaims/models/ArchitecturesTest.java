package org.kdclaims.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kdclaims.data.ImageShape;
import org.kdclaims.training.NativeBackend;

/** Architecture names, and parameter counts against the published ones (10 classes, 32x32x3 inputs). */
class ArchitecturesTest {
    @BeforeAll
    static void backend() {
        NativeBackend.init();
    }

    @ParameterizedTest(name = "{0}: {1} M parameters (published)")
    @CsvSource({
        // Zagoruyko & Komodakis 2016 (WRN-16-1 ~0.17 M, WRN-16-4 2.7 M, WRN-28-10 36.5 M)
        "wrn-16-1,   0.175,  0.01",
        "wrn-16-4,   2.75,   0.06",
        "wrn-28-10, 36.5,    0.1",
        // He et al. 2016 with a 3x3 stem for CIFAR (the common PyTorch CIFAR ports: 11.17 M, 21.28 M, 23.52 M)
        "resnet-18, 11.17,   0.05",
        "resnet-34, 21.28,   0.05",
        "resnet-50, 23.52,   0.05",
        // Huang et al. 2017, Table 2: DenseNet (L=40, k=12) 1.0 M
        "densenet-40-12, 1.0, 0.06",
    })
    void parameterCountsMatchThePapers(String name, double millions, double tolerance) {
        Architecture arch = Architectures.parse(name);
        CountingBuilder g = new CountingBuilder(3, 32);
        int[] logits = arch.build(g, new int[] {3, 32, 32}, 3, 10);
        assertThat(logits).as("logits shape (channels, h, w)").containsExactly(10, 1, 1);
        assertThat(g.parameterCount() / 1e6).isCloseTo(millions, within(tolerance));
    }

    @Test
    void nativeGraphCountsTheSameParametersAsTheShapeWalk() {
        for (String name : new String[] {"wrn-16-1", "resnet-10-0.25", "densenet-22-6", "cnn-4"}) {
            Architecture arch = Architectures.parse(name);
            CountingBuilder g = new CountingBuilder(3, 32);
            arch.build(g, new int[] {3, 32, 32}, 3, 10);
            try (NativeGraph ng = NativeGraph.build(arch, new ImageShape(3, 32, 32, 10), 1)) {
                assertThat(ng.parameterCount()).as(name).isEqualTo(g.parameterCount());
                assertThat(ng.parameters().length()).isEqualTo(g.parameterCount());
            }
        }
    }

    @Test
    void exactCountsOfTheSmallNetworks() {
        // WRN-16-1: hand count. Stem 3*3*3*16 = 432; group 0 (16 ch): 2 blocks x (2 BN(16) + 2 conv 3x3 16->16)
        // = 2 x (64 + 4608) = 9344; group 1: block 0: BN(16) 32 + conv 16->32 4608 + BN(32) 64 + conv 32->32 9216
        // + proj 512 = 14432, block 1: 2 x 64 + 2 x 9216 = 18560; group 2: 32 + ... computed the same way;
        // final BN(64) 128; fc 64*10 + 10 = 650.
        long g2b0 = 64 + 3 * 3 * 32 * 64 + 128 + 3 * 3 * 64 * 64 + 32 * 64;
        long g2b1 = 2 * 128 + 2 * 3 * 3 * 64 * 64;
        long expected = 432 + 9344 + 14432 + 18560 + g2b0 + g2b1 + 128 + 650;
        assertThat(count("wrn-16-1")).isEqualTo(expected).isEqualTo(175_066);
        assertThat(count("resnet-18")).isEqualTo(11_173_962);
    }

    @ParameterizedTest
    @CsvSource({
        "wrn-16-1, wrn-16-1", "WRN-16-4, wrn-16-4", "wrn16-1, wrn-16-1", "wrn-10-0.5, wrn-10-0.5",
        "resnet-18, resnet-18", "ResNet-50, resnet-50", "resnet18, resnet-18", "resnet-18-0.5, resnet-18-0.5",
        "densenet-40-12, densenet-40-12", "DenseNet40-12, densenet-40-12", "cnn-16, cnn-16"})
    void parsesNamesToCanonicalNames(String given, String canonical) {
        assertThat(Architectures.parse(given).name()).isEqualTo(canonical);
    }

    @Test
    void rejectsUnknownAndInvalidNames() {
        assertThatThrownBy(() -> Architectures.parse("vgg-16")).hasMessageContaining("known forms");
        assertThatThrownBy(() -> Architectures.parse("resnet-20")).hasMessageContaining("ResNet depth");
        assertThatThrownBy(() -> Architectures.parse("densenet-41-12")).hasMessageContaining("3L+4");
        assertThatThrownBy(() -> Architectures.parse("wrn-15-1")).hasMessageContaining("6n+4");
    }

    private static long count(String name) {
        CountingBuilder g = new CountingBuilder(3, 32);
        Architectures.parse(name).build(g, new int[] {3, 32, 32}, 3, 10);
        return g.parameterCount();
    }

    /** Walks an architecture with shapes only ({channels, h, w}); counts parameters without any native memory. */
    static final class CountingBuilder extends GraphBuilder<int[], GraphBuilder.Param> {
        CountingBuilder(int channels, int size) {
            super(0);
        }

        @Override
        protected Param newParam(Param p) {
            return p;
        }

        @Override
        protected int[] convOp(String name, int[] x, Param w, int in, int out, int k, int stride, int pad) {
            assertThat(x[0]).as(name + " input channels").isEqualTo(in);
            return new int[] {out, (x[1] + 2 * pad - k) / stride + 1, (x[2] + 2 * pad - k) / stride + 1};
        }

        @Override
        protected int[] batchNormOp(BatchNormLayer layer, int[] x, Param gamma, Param beta) {
            assertThat(x[0]).as(layer.name()).isEqualTo(layer.channels());
            return x;
        }

        @Override
        protected int[] denseOp(String name, int[] x, Param w, Param b, int in, int out) {
            assertThat(x[0]).as(name).isEqualTo(in);
            return new int[] {out, 1, 1};
        }

        @Override
        public int[] relu(int[] x) {
            return x;
        }

        @Override
        public int[] add(int[] a, int[] b) {
            assertThat(a).isEqualTo(b);
            return a;
        }

        @Override
        public int[] concat(int[] a, int[] b) {
            return new int[] {a[0] + b[0], a[1], a[2]};
        }

        @Override
        public int[] avgPool(int[] x, int k) {
            return new int[] {x[0], x[1] / k, x[2] / k};
        }

        @Override
        public int[] globalAveragePool(int[] x) {
            return new int[] {x[0], 1, 1};
        }
    }
}
