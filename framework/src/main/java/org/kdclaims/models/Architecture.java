package org.kdclaims.models;

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
    <T> T build(GraphBuilder<T> g, T input, int inChannels, int classes);
}
