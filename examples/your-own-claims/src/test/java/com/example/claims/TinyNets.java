package com.example.claims;

import org.kdclaims.spi.ArchitectureProvider;
import org.kdclaims.spi.Layers;
import org.kdclaims.spi.Tensor;

/**
 * Your architecture, registered by name: {@code tiny-<width>} is a stem convolution, one residual
 * block and a strided stage, then global pooling and a linear classifier. Listed in
 * src/test/resources/META-INF/services/org.kdclaims.spi.ArchitectureProvider, so that
 * {@code @Teacher(arch = "tiny-16")} and {@code @Student(arch = "tiny-4")} find it.
 */
public class TinyNets implements ArchitectureProvider {

    @Override
    public String family() {
        return "tiny";
    }

    @Override
    public Tensor build(String name, Layers layers, Tensor input, int classes) {
        int width = width(name);
        Tensor x = convBnRelu(layers, "stem", input, width, 1);
        // a residual block: two convolutions and the identity shortcut
        Tensor y = convBnRelu(layers, "block1/a", x, width, 1);
        y = layers.batchNorm("block1/b/bn", layers.conv("block1/b/conv", y, width, 3, 1));
        x = layers.attentionPoint(layers.relu(layers.add(x, y)));
        // a strided stage: half the resolution, twice the width
        x = layers.attentionPoint(convBnRelu(layers, "stage2", x, 2 * width, 2));
        return layers.dense("fc", layers.globalAveragePool(x), classes);
    }

    private static Tensor convBnRelu(Layers layers, String name, Tensor x, int width, int stride) {
        return layers.relu(layers.batchNorm(name + "/bn", layers.conv(name + "/conv", x, width, 3, stride)));
    }

    /** "tiny-8" -> 8; a name this family cannot build is an error the claim reports. */
    private static int width(String name) {
        try {
            int width = Integer.parseInt(name.substring("tiny-".length()));
            if (width >= 1) {
                return width;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + name + "' is not tiny-<width>, e.g. tiny-8");
    }
}
