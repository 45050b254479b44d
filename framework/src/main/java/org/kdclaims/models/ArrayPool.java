package org.kdclaims.models;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native arrays by shape, reused step after step so that memory stays flat without garbage
 * collection. Reference counted: an array is written in place only while it has one holder.
 */
final class ArrayPool {
    private final Map<List<Long>, ArrayDeque<INDArray>> free = new HashMap<>();
    private final IdentityHashMap<INDArray, int[]> refs = new IdentityHashMap<>();
    private final Map<Long, INDArray> ones = new HashMap<>();
    private long bytes;

    INDArray acquire(long[] shape) {
        ArrayDeque<INDArray> q = free.get(key(shape));
        INDArray a = q == null ? null : q.poll();
        if (a == null) {
            a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
            bytes += a.length() * 4;
        }
        refs.put(a, new int[] {1});
        return a;
    }

    void retain(INDArray a) {
        refs.get(a)[0]++;
    }

    boolean exclusive(INDArray a) {
        return refs.get(a)[0] == 1;
    }

    void release(INDArray a) {
        int[] r = refs.get(a);
        if (--r[0] == 0) {
            refs.remove(a);
            free.computeIfAbsent(key(a.shape()), k -> new ArrayDeque<>()).push(a);
        }
    }

    /** A row of m ones, for column sums over m rows. */
    INDArray ones(long m) {
        return ones.computeIfAbsent(m, k -> {
            bytes += k * 4;
            return Nd4j.ones(DataType.FLOAT, 1, k);
        });
    }

    /** Frees the arrays not in use (a new batch size needs a new working set). */
    void trim() {
        for (ArrayDeque<INDArray> q : free.values()) {
            for (INDArray a : q) {
                bytes -= a.length() * 4;
                a.close();
            }
        }
        free.clear();
        for (INDArray a : ones.values()) {
            bytes -= a.length() * 4;
            a.close();
        }
        ones.clear();
    }

    void closeAll() {
        trim();
        for (INDArray a : refs.keySet()) {
            a.close();
        }
        refs.clear();
        bytes = 0;
    }

    long bytes() {
        return bytes;
    }

    private static List<Long> key(long[] shape) {
        Long[] k = new Long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            k[i] = shape[i];
        }
        return Arrays.asList(k);
    }
}
