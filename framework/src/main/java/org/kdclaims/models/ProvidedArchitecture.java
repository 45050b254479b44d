package org.kdclaims.models;

import java.util.List;
import java.util.Objects;

import org.kdclaims.data.ImageShape;
import org.kdclaims.spi.ArchitectureProvider;
import org.kdclaims.spi.Tensor;

/**
 * An architecture that a user's {@link ArchitectureProvider} builds. Its key names the provider's
 * class and a hash of the graph it builds at the data's shape ({@link #identity}), so two
 * definitions of one name never share models; that dry build is also where an invalid graph is
 * found, before anything trains.
 */
record ProvidedArchitecture(String name, ArchitectureProvider provider) implements Architecture {
    /** The shape {@link #attentionDownsampling()} is measured at: the factors do not depend on it. */
    private static final int NOMINAL_SIZE = 32;

    ProvidedArchitecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }

    @Override
    public <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes) {
        // the shapes are needed to check each layer; the builder knows them only as handles
        throw new UnsupportedOperationException("a provided architecture is built with its input's shape: "
                + "use build(g, input, shape)");
    }

    @Override
    public <T> T build(GraphBuilder<T, ?> g, T input, ImageShape shape) {
        return run(new ShapedLayers<>(g), input, shape).handle();
    }

    @Override
    public String identity(ImageShape shape) {
        ShapedLayers<Object> dry = new ShapedLayers<>(null);
        run(dry, null, shape);
        return name + " [provider " + provider.getClass().getName() + ", graph sha256 "
                + org.kdclaims.models.GraphHash.of(dry.description()) + "]";
    }

    @Override
    public int[] attentionDownsampling() {
        ShapedLayers<Object> dry = new ShapedLayers<>(null);
        run(dry, null, new ImageShape(3, NOMINAL_SIZE, NOMINAL_SIZE, 10));
        List<Integer> heights = dry.attentionHeights();
        return heights.stream().mapToInt(h -> NOMINAL_SIZE / h).toArray();
    }

    @Override
    public Architecture scaled(double widthMultiplier, int maxDepth) {
        String scaled = provider.scaled(name, widthMultiplier, maxDepth);
        return scaled.equals(name) ? this : ArchitectureProviders.architecture(scaled);
    }

    private <T> ShapedLayers.Shaped<T> run(ShapedLayers<T> layers, T handle, ImageShape shape) {
        Tensor out;
        try {
            out = provider.build(name, layers, layers.input(handle, shape.channels(), shape.height(), shape.width()),
                    shape.classes());
            return layers.logits(out, shape.classes());
        } catch (ShapedLayers.InvalidGraphException e) {
            throw new IllegalArgumentException(where() + " builds an invalid graph for a " + shape + ": "
                    + e.getMessage() + "; fix its build()", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where() + " failed to build it for a " + shape + ": " + e
                    + "; fix its build()", e);
        }
    }

    private String where() {
        return "architecture '" + name + "' of provider " + provider.getClass().getName() + " (family '"
                + provider.family() + "')";
    }
}
