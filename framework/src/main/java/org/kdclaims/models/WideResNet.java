package org.kdclaims.models;

/**
 * WRN-d-k (Zagoruyko and Komodakis 2016): a 16-channel 3x3 stem, three groups of n = (d-4)/6
 * pre-activation basic blocks of widths 16k, 32k, 64k (strides 1, 2, 2), BN-ReLU, global average
 * pooling and a linear classifier; the three group outputs are the attention points. Fractional k is allowed for cheap scales (widths rounded).
 */
public record WideResNet(int depth, double widen) implements Architecture {
    public WideResNet {
        if (depth < 10 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("WRN depth must be 6n+4 with n >= 1 (10, 16, 22, 28, ...), got " + depth);
        }
        if (!(widen > 0)) {
            throw new IllegalArgumentException("WRN widening factor must be positive, got " + widen);
        }
    }

    @Override
    public String name() {
        String k = widen == Math.rint(widen) ? Integer.toString((int) widen) : Double.toString(widen);
        return "wrn-" + depth + "-" + k;
    }

    /** Depth capped as it always was (a cap that is not 6n+4 is refused by the constructor). */
    @Override
    public WideResNet scaled(double widthMultiplier, int maxDepth) {
        return new WideResNet(Math.min(depth, maxDepth), widen * widthMultiplier);
    }

    /** n = (d-4)/6 blocks per group become max(1, round(n * fraction)): WRN-16, -28, -40 at 0.5 give WRN-10, -16, -22. */
    @Override
    public WideResNet depthScaled(double fraction) {
        return new WideResNet(6 * Math.max(1, (int) Math.round(blocksPerGroup() * fraction)) + 4, widen);
    }

    public int blocksPerGroup() {
        return (depth - 4) / 6;
    }

    public int[] groupWidths() {
        return new int[] {width(16), width(32), width(64)};
    }

    private int width(int base) {
        return Math.max(1, (int) Math.round(base * widen));
    }

    @Override
    public int[] attentionDownsampling() {
        return new int[] {1, 2, 4};
    }

    @Override
    public <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes) {
        T x = g.conv("stem", input, inChannels, 16, 3, 1);
        int in = 16;
        int[] widths = groupWidths();
        for (int group = 0; group < 3; group++) {
            for (int b = 0; b < blocksPerGroup(); b++) {
                int stride = (b == 0 && group > 0) ? 2 : 1;
                x = block("g" + group + "b" + b, g, x, in, widths[group], stride);
                in = widths[group];
            }
            x = g.attentionPoint(x);
        }
        x = g.relu(g.batchNorm("final/bn", x, in));
        return g.dense("fc", g.globalAveragePool(x), in, classes);
    }

    /** Pre-activation basic block; a 1x1 projection shortcut where the shape changes. */
    private static <T> T block(String n, GraphBuilder<T, ?> g, T x, int in, int out, int stride) {
        T pre = g.relu(g.batchNorm(n + "/bn1", x, in));
        T y = g.conv(n + "/conv1", pre, in, out, 3, stride);
        y = g.relu(g.batchNorm(n + "/bn2", y, out));
        y = g.conv(n + "/conv2", y, out, out, 3, 1);
        T shortcut = (in == out && stride == 1) ? x : g.conv(n + "/proj", pre, in, out, 1, stride);
        return g.add(y, shortcut);
    }
}
