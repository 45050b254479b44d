package org.kdclaims.data;

/** Cheap smaller versions of a data set, for fast experiment scales. */
public final class Resize {
    private Resize() {
    }

    /**
     * Shrinks every image by an integer {@code factor} (e.g. 32x32 to 16x16 with 2), each output
     * pixel the rounded mean of a factor x factor block. Labels and class names are kept.
     */
    public static ImageDataset downscale(ImageDataset d, int factor) {
        if (factor < 1 || d.height() % factor != 0 || d.width() % factor != 0) {
            throw new IllegalArgumentException("factor " + factor + " must be >= 1 and divide the image size "
                    + d.height() + "x" + d.width());
        }
        if (factor == 1) {
            return d;
        }
        int h = d.height() / factor;
        int w = d.width() / factor;
        int area = factor * factor;
        int planes = d.size() * d.channels();
        byte[] in = d.rawPixels();
        byte[] out = new byte[planes * h * w];
        for (int p = 0; p < planes; p++) {
            int src = p * d.height() * d.width();
            int dst = p * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum = 0;
                    for (int by = 0; by < factor; by++) {
                        int row = src + (y * factor + by) * d.width() + x * factor;
                        for (int bx = 0; bx < factor; bx++) {
                            sum += in[row + bx] & 0xFF;
                        }
                    }
                    out[dst + y * w + x] = (byte) ((sum + area / 2) / area);
                }
            }
        }
        return ImageDataset.wrap(out, d.labels(), d.channels(), h, w, d.classNames());
    }
}
