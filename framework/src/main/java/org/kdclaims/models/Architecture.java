package org.kdclaims.models;

import org.nd4j.autodiff.samediff.SDVariable;

/** A network that maps an (N, C, H, W) input to (N, classes) logits. */
public interface Architecture {
    /** The canonical name, e.g. {@code wrn-16-1}; part of every model's cache key. */
    String name();

    /** Adds the network to the graph in the builder's current mode and returns the logits. */
    SDVariable build(GraphBuilder g, SDVariable input, int inChannels, int classes);
}
