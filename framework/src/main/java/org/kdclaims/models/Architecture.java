package org.kdclaims.models;

import org.kdclaims.data.ImageShape;

/**
 * A network that maps an (N, C, H, W) input to (N, classes) logits.
 *
 * <p>An architecture describes itself once against the abstract {@link GraphBuilder}; the builder
 * decides what the description becomes: the native training engine ({@link NativeGraph}) or a
 * SameDiff graph ({@link SameDiffGraphBuilder}, the autodiff reference the tests check it against).
 */
public interface Architecture {
    /** The canonical name, e.g. {@code wrn-16-1}; part of every model's cache key. */
    String name();

    /** Adds the network to the builder and returns the logits. */
    <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes);

    /**
     * The same, where the input's height and width are known: a provided architecture checks each
     * layer's shape. The built-in ones do not need them.
     */
    default <T> T build(GraphBuilder<T, ?> g, T input, ImageShape shape) {
        return build(g, input, shape.channels(), shape.classes());
    }

    /**
     * What the model key names this architecture by at an input shape: its name for the built-in
     * families (whose name fixes the graph); for a provided one, also the provider and a hash of
     * the graph it builds, which also checks that graph before anything trains.
     *
     * @throws IllegalArgumentException when the graph is invalid, naming the provider and the problem
     */
    default String identity(ImageShape shape) {
        return name();
    }

    /**
     * The downsampling factor of each attention point relative to the input ({1, 2, 4} for three
     * groups at 32, 16 and 8 pixels): two architectures can exchange attention maps when these agree.
     */
    int[] attentionDownsampling();

    /**
     * This architecture at a cheaper scale: widths times {@code widthMultiplier}, depth at most
     * {@code maxDepth} where the family has a smaller valid depth. Each family knows its own
     * rules; one that cannot honour a scale throws an IllegalArgumentException saying why.
     */
    Architecture scaled(double widthMultiplier, int maxDepth);

    /**
     * This architecture with each stage keeping {@code fraction} of its blocks or layers (at least
     * one), so that a sweep over depth keeps its order at a cheaper scale where a depth cap would
     * collapse it. Families without a depth rule return themselves.
     */
    default Architecture depthScaled(double fraction) {
        return this;
    }
}
