package org.kdclaims.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A graph's trainable parameters and their gradients as two flat arrays (creation order, each
 * parameter in c order, so the optimizer updates one array), with a view per parameter, plus the
 * batch-norm running statistics that layers register: together the named state of a checkpoint.
 */
final class GraphParameters {
    private final List<GraphBuilder.Param> params;
    private final INDArray values;
    private final INDArray gradients;
    private final Map<String, INDArray> valueViews = new LinkedHashMap<>();
    private final Map<String, INDArray> gradientViews = new LinkedHashMap<>();
    /** Non-trainable state (running statistics) by name, in registration order. */
    private final Map<String, INDArray> statistics = new LinkedHashMap<>();

    GraphParameters(List<GraphBuilder.Param> params) {
        this.params = params;
        long total = 0;
        for (GraphBuilder.Param p : params) {
            total += p.length();
        }
        values = Nd4j.create(DataType.FLOAT, Math.max(1, total));
        gradients = Nd4j.create(DataType.FLOAT, Math.max(1, total));
        float[] init = new float[Math.toIntExact(Math.max(1, total))];
        long offset = 0;
        for (GraphBuilder.Param p : params) {
            System.arraycopy(p.init(), 0, init, (int) offset, p.init().length);
            valueViews.put(p.name(), view(values, offset, p.shape()));
            gradientViews.put(p.name(), view(gradients, offset, p.shape()));
            offset += p.length();
        }
        values.data().setData(init);
    }

    private static INDArray view(INDArray flat, long offset, long[] shape) {
        long len = 1;
        for (long s : shape) {
            len *= s;
        }
        return flat.get(NDArrayIndex.interval(offset, offset + len)).reshape('c', shape);
    }

    List<GraphBuilder.Param> params() {
        return params;
    }

    INDArray values() {
        return values;
    }

    INDArray gradients() {
        return gradients;
    }

    INDArray value(GraphBuilder.Param p) {
        return valueViews.get(p.name());
    }

    INDArray gradient(GraphBuilder.Param p) {
        return gradientViews.get(p.name());
    }

    /** A parameter's view by name, or null. */
    INDArray value(String name) {
        return valueViews.get(name);
    }

    INDArray gradient(String name) {
        return gradientViews.get(name);
    }

    /** Makes a layer's non-trainable array part of {@link #state()} under the given name. */
    void registerStatistic(String name, INDArray array) {
        statistics.put(name, array);
    }

    /** Trainable parameters, then the registered statistics, by name. */
    Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>();
        float[] all = values.data().asFloat();
        int offset = 0;
        for (GraphBuilder.Param p : params) {
            s.put(p.name(), Arrays.copyOfRange(all, offset, offset + (int) p.length()));
            offset += (int) p.length();
        }
        statistics.forEach((name, a) -> s.put(name, a.data().asFloat()));
        return s;
    }

    /** Sets the named arrays of {@link #state()}; returns the names that do not exist or do not fit. */
    List<String> restore(Map<String, float[]> state) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, float[]> e : state.entrySet()) {
            INDArray target = valueViews.get(e.getKey());
            if (target == null) {
                target = statistics.get(e.getKey());
            }
            if (target == null || target.length() != e.getValue().length) {
                bad.add(e.getKey());
                continue;
            }
            target.assign(Nd4j.create(e.getValue(), target.shape(), 'c'));
        }
        return bad;
    }
}
