package org.kdclaims.models;

/**
 * DenseNet-d-k (Huang et al. 2017, the original variant without bottlenecks or compression, as
 * DenseNet40-12 in PAPER.md): a 3x3 stem of 16 channels, three dense blocks of (d-4)/3 layers
 * (BN-ReLU-3x3 conv producing k channels, concatenated to the layer's input), transitions
 * (BN-ReLU-1x1 conv keeping the channel count, 2x2 average pooling) between blocks, BN-ReLU, global
 * average pooling and a linear layer. DenseNet-40-12 has 1.0 M parameters.
 */
public record DenseNet(int depth, int growth) implements Architecture {
    public DenseNet {
        if (depth < 7 || (depth - 4) % 3 != 0) {
            throw new IllegalArgumentException("DenseNet depth must be 3L+4 with L >= 1 (e.g. 40, 100), got " + depth);
        }
        if (growth < 1) {
            throw new IllegalArgumentException("DenseNet growth rate must be >= 1, got " + growth);
        }
    }

    @Override
    public String name() {
        return "densenet-" + depth + "-" + growth;
    }

    /**
     * Growth rate times the multiplier (at least 1); depth capped to the deepest valid 3L+4 that
     * fits {@code maxDepth}. Below 7 no DenseNet exists, so that cap is refused.
     */
    @Override
    public DenseNet scaled(double widthMultiplier, int maxDepth) {
        if (maxDepth < 7) {
            throw new IllegalArgumentException("a DenseNet needs depth >= 7 (3L+4), but the depth cap is " + maxDepth);
        }
        int cappedDepth = depth <= maxDepth ? depth : maxDepth - (maxDepth - 4) % 3;
        return new DenseNet(cappedDepth, Math.max(1, (int) Math.round(growth * widthMultiplier)));
    }

    /** L = (d-4)/3 layers per block become max(1, round(L * fraction)): DenseNet-40 at 0.5 gives DenseNet-22. */
    @Override
    public DenseNet depthScaled(double fraction) {
        return new DenseNet(3 * Math.max(1, (int) Math.round(layersPerBlock() * fraction)) + 4, growth);
    }

    public int layersPerBlock() {
        return (depth - 4) / 3;
    }

    @Override
    public int[] attentionDownsampling() {
        return new int[] {1, 2, 4};
    }

    @Override
    public <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes) {
        int c = 16;
        T x = g.conv("stem", input, inChannels, c, 3, 1);
        for (int block = 0; block < 3; block++) {
            for (int l = 0; l < layersPerBlock(); l++) {
                String n = "d" + block + "l" + l;
                T y = g.conv(n + "/conv", g.relu(g.batchNorm(n + "/bn", x, c)), c, growth, 3, 1);
                x = g.concat(x, y);
                c += growth;
            }
            x = g.attentionPoint(x);   // each dense block's output, before its transition
            if (block < 2) {
                String n = "t" + block;
                x = g.avgPool(g.conv(n + "/conv", g.relu(g.batchNorm(n + "/bn", x, c)), c, c, 1, 1), 2);
            }
        }
        x = g.relu(g.batchNorm("final/bn", x, c));
        return g.dense("fc", g.globalAveragePool(x), c, classes);
    }
}
