package org.kdclaims.data;

import java.util.Arrays;

/**
 * Per-channel standardisation of pixels scaled to [0,1]: {@code (v/255 - mean[c]) / std[c]},
 * computed in float exactly as written (tests rely on that).
 */
public record Normalization(float[] mean, float[] std) {
    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel, got "
                    + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("std must be positive and finite: " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Mean and (population) standard deviation of every channel of {@code d}. Sums are exact
     * integers, so the result does not depend on image order. A constant channel gets std 1
     * (it is only centred) rather than a division by zero.
     */
    public static Normalization fit(ImageDataset d) {
        int c = d.channels();
        int plane = d.height() * d.width();
        long[] sum = new long[c];
        long[] squares = new long[c];
        byte[] p = d.rawPixels();
        for (int i = 0; i < d.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * plane;
                long s = 0;
                long q = 0;
                for (int j = base; j < base + plane; j++) {
                    int v = p[j] & 0xFF;
                    s += v;
                    q += v * v;
                }
                sum[ch] += s;
                squares[ch] += q;
            }
        }
        double count = (double) d.size() * plane;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = count == 0 ? 0 : sum[ch] / count;
            double variance = count == 0 ? 0 : Math.max(0, squares[ch] / count - m * m);
            mean[ch] = (float) (m / 255);
            std[ch] = variance == 0 ? 1f : (float) (Math.sqrt(variance) / 255);
        }
        return new Normalization(mean, std);
    }

    /** The usual CIFAR-10 training-set statistics. */
    public static Normalization cifar10Standard() {
        return new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f});
    }

    /** Scale to [0,1] only (mean 0, std 1). */
    public static Normalization unit(int channels) {
        float[] ones = new float[channels];
        Arrays.fill(ones, 1f);
        return new Normalization(new float[channels], ones);
    }

    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The normalised value of every byte value for every channel: {@code table[c][v]}. */
    float[][] lookupTable() {
        float[][] table = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                table[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        return table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
