package org.kdclaims.spi;

/**
 * An architecture family of your own, found through {@link java.util.ServiceLoader}: list the
 * implementing class (public, with a public no-argument constructor) in
 * {@code META-INF/services/org.kdclaims.spi.ArchitectureProvider}.
 *
 * <p>A claim names an architecture {@code <family>} or {@code <family>-<variant>}
 * ({@code @Student(arch = "tiny-8")}); the provider whose {@link #family()} matches builds it from
 * the engine's {@link Layers}. The network is built once, on shapes only, before anything trains:
 * a graph the engine cannot run (mismatched shapes, logits of the wrong size) fails the claim there,
 * naming this provider. A model's key includes this provider's class name and a hash of the built
 * graph, so two definitions of one name never share models.
 */
public interface ArchitectureProvider {
    /**
     * The family name: lower case letters, digits and dots, starting with a letter (e.g.
     * {@code tiny}); not one of the built-in families ({@code wrn}, {@code resnet}, {@code densenet},
     * {@code cnn}) and not another provider's.
     */
    String family();

    /**
     * Builds the network called {@code name} ({@code family} or {@code family-<variant>}; the variant
     * is yours to read, e.g. a width) from {@code input} and returns its logits: a flat tensor of
     * {@code classes} values (e.g. {@code layers.dense("fc", layers.globalAveragePool(x), classes)}).
     *
     * @throws IllegalArgumentException for a variant this family does not have; its message is shown
     */
    Tensor build(String name, Layers layers, Tensor input, int classes);

    /**
     * The architecture to train at a reduced scale ({@code -Dkd.scale=smoke} multiplies widths by
     * {@code widthMultiplier} and caps depths at {@code maxDepth}), as a name of this family. The
     * default trains the network as written at every scale.
     */
    default String scaled(String name, double widthMultiplier, int maxDepth) {
        return name;
    }
}
