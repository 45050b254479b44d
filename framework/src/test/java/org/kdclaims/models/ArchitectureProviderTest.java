package org.kdclaims.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kdclaims.data.ImageShape;
import org.kdclaims.spi.ArchitectureProvider;
import org.kdclaims.spi.Layers;
import org.kdclaims.spi.Tensor;

/** Architecture families registered through the SPI: found by name, keyed by provider and graph, checked. */
class ArchitectureProviderTest {

    @Test
    void aRegisteredFamilyIsFoundByNameAndBuildsARunnableNetwork() {
        Architecture a = Architectures.parse("tinytest-6");
        assertThat(a.name()).isEqualTo("tinytest-6");
        assertThat(a.attentionDownsampling()).containsExactly(1);
        try (NativeGraph g = NativeGraph.build(a, new ImageShape(3, 8, 8, 5), 1)) {
            assertThat(g.attentionPoints()).isEqualTo(1);
        }
    }

    @Test
    void theKeyNamesTheProviderAndTheGraphsHash() {
        String six = Architectures.parse("tinytest-6").identity(new ImageShape(3, 8, 8, 5));
        assertThat(six).startsWith("tinytest-6 [provider " + TestProviders.Tiny.class.getName() + ", graph sha256 ");
        assertThat(Architectures.parse("tinytest-6").identity(new ImageShape(3, 8, 8, 5))).as("deterministic").isEqualTo(six);
        assertThat(Architectures.parse("tinytest-7").identity(new ImageShape(3, 8, 8, 5))).as("another width, another graph")
                .isNotEqualTo(six.replace("tinytest-6", "tinytest-7"));
        assertThat(Architectures.parse("cnn-4").identity(new ImageShape(3, 8, 8, 5))).as("built-in keys unchanged").isEqualTo("cnn-4");
    }

    @Test
    void theSameNameFromAnotherDefinitionHashesDifferently() {
        ArchitectureProvider other = provider("tinytest",
                (l, input, classes) -> l.dense("fc", l.globalAveragePool(l.conv("stem/conv", input, 6, 3, 1)), classes));
        String hash = new ProvidedArchitecture("tinytest-6", other).identity(new ImageShape(3, 8, 8, 5));
        String registered = Architectures.parse("tinytest-6").identity(new ImageShape(3, 8, 8, 5));
        assertThat(hash.substring(hash.lastIndexOf(' '))).isNotEqualTo(registered.substring(registered.lastIndexOf(' ')));
    }

    @Test
    void anUnknownNameListsTheRegisteredFamilies() {
        assertThatThrownBy(() -> Architectures.parse("vgg-11")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown architecture 'vgg-11'")
                .hasMessageContaining("registered families: brokentest (" + TestProviders.Broken.class.getName()
                        + "), tinytest (" + TestProviders.Tiny.class.getName() + ")");
    }

    @Test
    void aProviderThatBuildsAnInvalidGraphIsNamedWithTheProblemAndTheFix() {
        Architecture broken = Architectures.parse("brokentest");
        assertThatThrownBy(() -> broken.identity(new ImageShape(3, 8, 8, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("architecture 'brokentest' of provider " + TestProviders.Broken.class.getName())
                .hasMessageContaining("add of a 4x8x8 and a 8x8x8 tensor")
                .hasMessageContaining("fix its build()");
    }

    @Test
    void logitsOfTheWrongSizeAndForeignTensorsAreRejected() {
        assertThat(invalid((l, x, classes) -> l.globalAveragePool(x))).contains("must be flat with one value per class (5)");
        assertThat(invalid((l, x, classes) -> l.dense("fc", x, classes))).contains("dense 'fc' takes a flat tensor");
        assertThat(invalid((l, x, classes) -> l.avgPool(x, 3))).contains("avgPool(3) on a 8x8 image");
        assertThat(invalid((l, x, classes) -> null)).contains("build() returned null");
        assertThat(invalid((l, x, classes) -> l.dense("fc", l.globalAveragePool(l.conv("fc", x, 4, 3, 1)), classes)))
                .contains("layer name 'fc' is used for a conv 3->4 k3 and a dense 4->5");
        assertThat(invalid((l, x, classes) -> {
            throw new IllegalArgumentException("no such variant");
        })).contains("failed to build it").contains("no such variant");
    }

    interface Body {
        Tensor build(Layers l, Tensor x, int classes);
    }

    /** A provider of one family whose every network is {@code body}. */
    private static ArchitectureProvider provider(String family, Body body) {
        return new ArchitectureProvider() {
            @Override
            public String family() {
                return family;
            }

            @Override
            public Tensor build(String name, Layers l, Tensor input, int classes) {
                return body.build(l, input, classes);
            }
        };
    }

    private static String invalid(Body body) {
        ArchitectureProvider p = provider("inline", body);
        try {
            new ProvidedArchitecture("inline", p).identity(new ImageShape(3, 8, 8, 5));
            throw new AssertionError("expected an invalid graph");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
