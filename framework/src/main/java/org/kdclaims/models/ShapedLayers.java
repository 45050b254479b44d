package org.kdclaims.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kdclaims.spi.Layers;
import org.kdclaims.spi.Tensor;

/**
 * The SPI's {@link Layers} over a {@link GraphBuilder}: tracks every tensor's shape, rejects what
 * the engine cannot run with the layer and the problem, and writes each layer into a description
 * whose hash identifies the graph. With no builder it builds shapes only: how a provider's network
 * is checked, and hashed, before anything trains.
 *
 * @param <T> the engine's tensor handle (unused when shapes only)
 */
final class ShapedLayers<T> implements Layers {
    /** A tensor of this build: its engine handle (null when shapes only) and its shape. */
    record Shaped<T>(int id, T handle, int channels, int height, int width, boolean flat, ShapedLayers<T> owner)
            implements Tensor {
    }

    private final GraphBuilder<T, ?> g;
    private final StringBuilder description = new StringBuilder();
    private final List<Integer> attentionHeights = new ArrayList<>();
    /** Parameters by layer name and their shape: a name used again must mean the same parameters. */
    private final Map<String, String> parameterShapes = new HashMap<>();
    private int tensors;

    ShapedLayers(GraphBuilder<T, ?> g) {
        this.g = g;
    }

    Shaped<T> input(T handle, int channels, int height, int width) {
        line("input", channels + "x" + height + "x" + width);
        return make(handle, channels, height, width, false);
    }

    String description() {
        return description.toString();
    }

    List<Integer> attentionHeights() {
        return List.copyOf(attentionHeights);
    }

    @Override
    public Tensor conv(String name, Tensor x, int outChannels, int k, int stride) {
        Shaped<T> in = image("conv '" + name + "'", x);
        require(outChannels >= 1 && k >= 1 && stride >= 1, "conv '" + name + "' has outChannels " + outChannels
                + ", k " + k + ", stride " + stride + ": each must be at least 1");
        int pad = (k - 1) / 2;
        int h = (in.height() + 2 * pad - k) / stride + 1;
        int w = (in.width() + 2 * pad - k) / stride + 1;
        require(h >= 1 && w >= 1, "conv '" + name + "' with k " + k + " on a " + in.height() + "x" + in.width()
                + " image leaves nothing");
        parameters(name, "conv " + in.channels() + "->" + outChannels + " k" + k);
        line("conv " + name, in.channels() + "->" + outChannels + " k" + k + " s" + stride, in);
        return make(g == null ? null : g.conv(name, in.handle(), in.channels(), outChannels, k, stride),
                outChannels, h, w, false);
    }

    @Override
    public Tensor batchNorm(String name, Tensor x) {
        Shaped<T> in = image("batchNorm '" + name + "'", x);
        parameters(name, "bn " + in.channels());
        line("bn " + name, "", in);
        return same(in, g == null ? null : g.batchNorm(name, in.handle(), in.channels()));
    }

    @Override
    public Tensor relu(Tensor x) {
        Shaped<T> in = own("relu", x);
        line("relu", "", in);
        return same(in, g == null ? null : g.relu(in.handle()));
    }

    @Override
    public Tensor avgPool(Tensor x, int k) {
        Shaped<T> in = image("avgPool", x);
        require(k >= 1 && in.height() % k == 0 && in.width() % k == 0, "avgPool(" + k + ") on a " + in.height()
                + "x" + in.width() + " image: the height and width must be divisible by k");
        line("avgPool", "k" + k, in);
        return make(g == null ? null : g.avgPool(in.handle(), k), in.channels(), in.height() / k,
                in.width() / k, false);
    }

    @Override
    public Tensor globalAveragePool(Tensor x) {
        Shaped<T> in = image("globalAveragePool", x);
        line("gap", "", in);
        return make(g == null ? null : g.globalAveragePool(in.handle()), in.channels(), 1, 1, true);
    }

    @Override
    public Tensor dense(String name, Tensor x, int out) {
        Shaped<T> in = own("dense '" + name + "'", x);
        require(in.flat(), "dense '" + name + "' takes a flat tensor, got a " + shape(in)
                + " image: pool it first (globalAveragePool)");
        require(out >= 1, "dense '" + name + "' has " + out + " outputs: at least 1");
        parameters(name, "dense " + in.channels() + "->" + out);
        line("dense " + name, in.channels() + "->" + out, in);
        return make(g == null ? null : g.dense(name, in.handle(), in.channels(), out), out, 1, 1, true);
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        Shaped<T> x = own("add", a);
        Shaped<T> y = own("add", b);
        require(x.channels() == y.channels() && x.height() == y.height() && x.width() == y.width()
                && x.flat() == y.flat(), "add of a " + shape(x) + " and a " + shape(y) + " tensor: both must have"
                + " one shape (use a 1x1 conv with the right stride on the shortcut)");
        line("add", "", x, y);
        return same(x, g == null ? null : g.add(x.handle(), y.handle()));
    }

    @Override
    public Tensor concat(Tensor a, Tensor b) {
        Shaped<T> x = image("concat", a);
        Shaped<T> y = image("concat", b);
        require(x.height() == y.height() && x.width() == y.width(), "concat of a " + shape(x) + " and a "
                + shape(y) + " image: both must have one height and width");
        line("concat", "", x, y);
        return make(g == null ? null : g.concat(x.handle(), y.handle()), x.channels() + y.channels(),
                x.height(), x.width(), false);
    }

    @Override
    public Tensor attentionPoint(Tensor x) {
        Shaped<T> in = image("attentionPoint", x);
        attentionHeights.add(in.height());
        line("attention", "", in);
        return same(in, g == null ? null : g.attentionPoint(in.handle()));
    }

    /** Checks the logits the provider returned: this build's, flat, one value per class. */
    Shaped<T> logits(Tensor x, int classes) {
        require(x != null, "build() returned null: return the logits, e.g. layers.dense(\"fc\","
                + " layers.globalAveragePool(x), classes)");
        Shaped<T> out = own("the returned logits", x);
        require(out.flat() && out.channels() == classes, "build() returned a " + shape(out) + " tensor as the"
                + " logits; they must be flat with one value per class (" + classes + "), e.g. layers.dense(\"fc\","
                + " layers.globalAveragePool(x), classes)");
        line("logits", "", out);
        return out;
    }

    /** A new tensor, numbered in creation order, so the description records the wiring, not only shapes. */
    private Shaped<T> make(T handle, int channels, int height, int width, boolean flat) {
        return new Shaped<>(tensors++, handle, channels, height, width, flat, this);
    }

    private Shaped<T> same(Shaped<T> in, T handle) {
        return make(handle, in.channels(), in.height(), in.width(), in.flat());
    }

    @SuppressWarnings("unchecked")
    private Shaped<T> own(String layer, Tensor x) {
        require(x != null, layer + " got null: pass a tensor from the input or another layer");
        require(x instanceof Shaped<?> s && s.owner() == this, layer + " got a tensor that this build did not make"
                + " (" + x.getClass().getName() + "): use only the input and the layers' results");
        return (Shaped<T>) x;
    }

    private Shaped<T> image(String layer, Tensor x) {
        Shaped<T> in = own(layer, x);
        require(!in.flat(), layer + " takes an image, got a flat tensor of " + in.channels() + " values");
        return in;
    }

    private void parameters(String name, String shape) {
        require(name != null && !name.isBlank(), "a layer with parameters needs a name, e.g. \"block1/conv\"");
        String before = parameterShapes.putIfAbsent(name, shape);
        require(before == null || before.equals(shape), "layer name '" + name + "' is used for a " + before
                + " and a " + shape + ": give each layer its own name (a name used twice shares parameters)");
    }

    private void line(String op, String args, Shaped<?>... inputs) {
        // inputs by number and shape: the description is the graph, not the Java objects
        description.append(tensors).append(' ').append(op).append(' ').append(args);
        for (Shaped<?> s : inputs) {
            description.append(" <#").append(s.id()).append(' ').append(shape(s));
        }
        description.append('\n');
    }

    private static String shape(Shaped<?> s) {
        return s.flat() ? String.format(Locale.ROOT, "flat %d", s.channels())
                : String.format(Locale.ROOT, "%dx%dx%d", s.channels(), s.height(), s.width());
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new InvalidGraphException(problem);
        }
    }

    /** A layer the engine cannot run; {@link ProvidedArchitecture} adds the provider and the fix. */
    static final class InvalidGraphException extends IllegalArgumentException {
        InvalidGraphException(String problem) {
            super(problem);
        }
    }
}
