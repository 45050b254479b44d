package org.kdclaims.spi;

/**
 * The engine's layers, the vocabulary a provider builds its network in. Every tensor knows its
 * shape, so a layer takes only what it changes; a layer's {@code name} names its parameters (a name
 * used twice shares them) and must be unique per layer otherwise. Parameters are initialised from
 * the run's seed, as the built-in architectures' are.
 */
public interface Layers {
    /** k x k convolution with padding (k-1)/2, He-normal initialised, no bias (follow it with batch norm). */
    Tensor conv(String name, Tensor x, int outChannels, int k, int stride);

    /** Batch norm per channel: batch statistics in training, running statistics in evaluation. */
    Tensor batchNorm(String name, Tensor x);

    Tensor relu(Tensor x);

    /** k x k average pooling with stride k; height and width must be divisible by k. */
    Tensor avgPool(Tensor x, int k);

    /** Global average pooling: an image to one value per channel (a flat tensor). */
    Tensor globalAveragePool(Tensor x);

    /** Fully connected layer with bias, on a flat tensor. */
    Tensor dense(String name, Tensor x, int out);

    /** Element-wise sum of two tensors of the same shape (a residual connection). */
    Tensor add(Tensor a, Tensor b);

    /** Concatenation along the channel axis of two images of the same height and width. */
    Tensor concat(Tensor a, Tensor b);

    /**
     * Marks a group output for attention transfer ({@code @AttentionTransfer}): teacher and student
     * must mark points at the same resolutions. Returns x.
     */
    Tensor attentionPoint(Tensor x);
}
