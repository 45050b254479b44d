package org.kdclaims.models;

import org.kdclaims.spi.ArchitectureProvider;
import org.kdclaims.spi.Layers;
import org.kdclaims.spi.Tensor;

/** Architecture providers registered for the framework's tests (test resources' META-INF/services). */
public final class TestProviders {
    private TestProviders() {
    }

    /** {@code tinytest-<width>}: conv-BN-ReLU, a residual block, a concat, pooling and a dense layer. */
    public static final class Tiny implements ArchitectureProvider {
        @Override
        public String family() {
            return "tinytest";
        }

        @Override
        public Tensor build(String name, Layers l, Tensor input, int classes) {
            int width = name.equals("tinytest") ? 4 : Integer.parseInt(name.substring("tinytest-".length()));
            Tensor x = l.relu(l.batchNorm("stem/bn", l.conv("stem/conv", input, width, 3, 1)));
            Tensor y = l.relu(l.batchNorm("block/bn", l.conv("block/conv", x, width, 3, 1)));
            x = l.attentionPoint(l.add(x, y));
            x = l.avgPool(l.concat(x, y), 2);
            return l.dense("fc", l.globalAveragePool(x), classes);
        }

        @Override
        public String scaled(String name, double widthMultiplier, int maxDepth) {
            return name;
        }
    }

    /** {@code brokentest}: adds tensors of different widths, which no engine can run. */
    public static final class Broken implements ArchitectureProvider {
        @Override
        public String family() {
            return "brokentest";
        }

        @Override
        public Tensor build(String name, Layers l, Tensor input, int classes) {
            Tensor a = l.conv("a", input, 4, 3, 1);
            Tensor b = l.conv("b", input, 8, 3, 1);
            return l.dense("fc", l.globalAveragePool(l.add(a, b)), classes);
        }
    }
}
