package org.kdclaims.data;

/**
 * What a network is built for: (channels, height, width) images in {@code classes} classes. The
 * four travel together from the data set to the graph, the model file and the cost model, so they
 * are one value rather than four ints in an order each signature must repeat.
 */
public record ImageShape(int channels, int height, int width, int classes) {

    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0 || classes <= 0) {
            throw new IllegalArgumentException("image shape " + channels + "x" + height + "x" + width + " with "
                    + classes + " classes is not valid: channels, height, width and classes must all be positive");
        }
    }

    /** Values per image: C*H*W. */
    public int imageSize() {
        return channels * height * width;
    }

    /** How errors name it: "3x32x32 input and 10 classes". */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width + " input and " + classes + " classes";
    }
}
