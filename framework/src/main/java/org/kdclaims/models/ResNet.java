package org.kdclaims.models;

/**
 * ResNet-d for CIFAR (He et al. 2016, adapted to 32x32 inputs as in PAPER.md): a 3x3 stem of 64
 * channels with BN-ReLU and no max-pooling, four stages of widths 64, 128, 256, 512 (strides 1, 2,
 * 2, 2), global average pooling and a linear layer. Basic blocks (two 3x3 convs) for depths 10, 18,
 * 34; bottleneck blocks (1x1, 3x3, 1x1 with 4x expansion) for 26, 50, 101, 152. Shortcuts are
 * identity, or a 1x1 conv with batch norm where the shape changes; ReLU after the addition.
 * The four stage outputs are the attention points. {@code widen} scales every width (1 for the published networks; e.g. 0.125 for smoke tests).
 */
public record ResNet(int depth, double widen) implements Architecture {
    public ResNet {
        if (blocks(depth) == null) {
            throw new IllegalArgumentException("ResNet depth must be one of 10, 18, 34 (basic) or 26, 50, 101, 152 (bottleneck), got " + depth);
        }
        if (!(widen > 0)) {
            throw new IllegalArgumentException("ResNet width multiplier must be positive, got " + widen);
        }
    }

    public ResNet(int depth) {
        this(depth, 1);
    }

    static int[] blocks(int depth) {
        return switch (depth) {
            case 10 -> new int[] {1, 1, 1, 1};
            case 18 -> new int[] {2, 2, 2, 2};
            case 26 -> new int[] {2, 2, 2, 2};
            case 34, 50 -> new int[] {3, 4, 6, 3};
            case 101 -> new int[] {3, 4, 23, 3};
            case 152 -> new int[] {3, 8, 36, 3};
            default -> null;
        };
    }

    /**
     * Widths times the multiplier; depth capped to the deepest published depth of the same block
     * kind that fits {@code maxDepth} (basic 10, 18, 34; bottleneck 26, 50, 101, 152), kept when
     * none fits, since a ResNet cannot take an arbitrary depth.
     */
    @Override
    public ResNet scaled(double widthMultiplier, int maxDepth) {
        int[] sameKind = bottleneck() ? new int[] {26, 50, 101, 152} : new int[] {10, 18, 34};
        int capped = depth;
        if (depth > maxDepth) {
            for (int d : sameKind) {
                if (d <= maxDepth) {
                    capped = d;
                }
            }
        }
        return new ResNet(capped, widen * widthMultiplier);
    }

    /**
     * The published depth of the same block kind nearest to {@code depth * fraction} (basic 10, 18,
     * 34; bottleneck 26, 50, 101, 152), the shallower on a tie: ResNet-18, -34, -50 at 0.5 give
     * ResNet-10, -18, -26.
     */
    @Override
    public ResNet depthScaled(double fraction) {
        int[] sameKind = bottleneck() ? new int[] {26, 50, 101, 152} : new int[] {10, 18, 34};
        double target = depth * fraction;
        int best = sameKind[0];
        for (int d : sameKind) {
            if (Math.abs(d - target) < Math.abs(best - target)) {
                best = d;
            }
        }
        return new ResNet(best, widen);
    }

    public boolean bottleneck() {
        return depth == 26 || depth >= 50;
    }

    @Override
    public String name() {
        String w = widen == 1 ? "" : "-" + (widen == Math.rint(widen) ? Integer.toString((int) widen) : Double.toString(widen));
        return "resnet-" + depth + w;
    }

    private int width(int base) {
        return Math.max(1, (int) Math.round(base * widen));
    }

    @Override
    public int[] attentionDownsampling() {
        return new int[] {1, 2, 4, 8};
    }

    @Override
    public <T> T build(GraphBuilder<T, ?> g, T input, int inChannels, int classes) {
        int in = width(64);
        T x = g.relu(g.batchNorm("stem/bn", g.conv("stem/conv", input, inChannels, in, 3, 1), in));
        int[] n = blocks(depth);
        int[] planes = {width(64), width(128), width(256), width(512)};
        for (int s = 0; s < 4; s++) {
            for (int b = 0; b < n[s]; b++) {
                int stride = (b == 0 && s > 0) ? 2 : 1;
                String name = "l" + (s + 1) + "b" + b;
                if (bottleneck()) {
                    x = bottleneckBlock(name, g, x, in, planes[s], stride);
                    in = 4 * planes[s];
                } else {
                    x = basicBlock(name, g, x, in, planes[s], stride);
                    in = planes[s];
                }
            }
            x = g.attentionPoint(x);
        }
        return g.dense("fc", g.globalAveragePool(x), in, classes);
    }

    private static <T> T shortcut(String n, GraphBuilder<T, ?> g, T x, int in, int out, int stride) {
        if (in == out && stride == 1) {
            return x;
        }
        return g.batchNorm(n + "/proj/bn", g.conv(n + "/proj", x, in, out, 1, stride), out);
    }

    private static <T> T basicBlock(String n, GraphBuilder<T, ?> g, T x, int in, int out, int stride) {
        T y = g.relu(g.batchNorm(n + "/bn1", g.conv(n + "/conv1", x, in, out, 3, stride), out));
        y = g.batchNorm(n + "/bn2", g.conv(n + "/conv2", y, out, out, 3, 1), out);
        return g.relu(g.add(y, shortcut(n, g, x, in, out, stride)));
    }

    private static <T> T bottleneckBlock(String n, GraphBuilder<T, ?> g, T x, int in, int planes, int stride) {
        int out = 4 * planes;
        T y = g.relu(g.batchNorm(n + "/bn1", g.conv(n + "/conv1", x, in, planes, 1, 1), planes));
        y = g.relu(g.batchNorm(n + "/bn2", g.conv(n + "/conv2", y, planes, planes, 3, stride), planes));
        y = g.batchNorm(n + "/bn3", g.conv(n + "/conv3", y, planes, out, 1, 1), out);
        return g.relu(g.add(y, shortcut(n, g, x, in, out, stride)));
    }
}
