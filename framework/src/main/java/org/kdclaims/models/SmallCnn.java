package org.kdclaims.models;

/**
 * A small CNN for smoke runs: {@code cnn-W} has three conv-BN-ReLU stages of widths W, 2W, 4W
 * (the middle and last with stride 2), global average pooling and a linear classifier; the stage
 * outputs are the attention points.
 */
public record SmallCnn(int width) implements Architecture {
    public SmallCnn {
        if (width < 1) {
            throw new IllegalArgumentException("CNN width must be >= 1, got " + width);
        }
    }

    @Override
    public String name() {
        return "cnn-" + width;
    }

    /** A single stage count: only the width scales. */
    @Override
    public SmallCnn scaled(double widthMultiplier, int maxDepth) {
        return new SmallCnn(Math.max(1, (int) Math.round(width * widthMultiplier)));
    }

    @Override
    public int[] attentionDownsampling() {
        return new int[] {1, 2, 4};
    }

    @Override
    public <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes) {
        T x = input;
        int in = inChannels;
        int[] widths = {width, 2 * width, 4 * width};
        for (int i = 0; i < widths.length; i++) {
            String n = "s" + i;
            x = g.conv(n + "/conv", x, in, widths[i], 3, i == 0 ? 1 : 2);
            x = g.relu(g.batchNorm(n + "/bn", x, widths[i]));
            in = widths[i];
            x = g.attentionPoint(x);
        }
        return g.dense("fc", g.globalAveragePool(x), in, classes);
    }
}
