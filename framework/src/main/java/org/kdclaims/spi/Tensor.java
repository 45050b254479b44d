package org.kdclaims.spi;

/** A tensor of the network being built: an image (channels x height x width) or flat (channels values). */
public interface Tensor {
    int channels();

    /** 1 for a flat tensor. */
    int height();

    /** 1 for a flat tensor. */
    int width();

    /** True after global pooling or a dense layer: what a dense layer takes and the logits are. */
    boolean flat();
}
