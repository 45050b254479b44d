package org.kdclaims.training;

import org.kdclaims.models.Architectures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import java.util.Arrays;

/**
 * One KD step of a student with its teacher's logits either computed on the fly (the teacher's
 * evaluation forward pass on the batch, then the student's step) or taken from
 * {@link TeacherLogitCache} (a copy of precomputed logits, then the step): what sharing an epoch of
 * teacher logits saves per batch. {@code attention} adds attention transfer with the teacher's maps
 * computed on the fly. {@code orbit} and {@code orbitAttention} take the teacher from its
 * {@link TeacherOrbit} table as a student does: the batch's rows of pooled features gathered, the
 * teacher's dense head run on them (bitwise the teacher on the batch), and the maps copied.
 */
public class DistillationStepBenchmark extends EngineBenchmark {
    @Param({"wrn-16-1"})
    public String student;

    @Param({"wrn-16-4"})
    public String teacher;

    @Param({"onTheFly", "cached", "attention", "orbit", "orbitAttention"})
    public String logits;

    @Param({"128"})
    public int batch;

    private Network net;
    private Network teacherNet;
    private BenchData data;
    private float[] cached;
    private float[] features;
    private float[][] maps;

    @Setup(Level.Trial)
    public void setUp() {
        Distillation d = logits.endsWith("ttention") ? Distillation.standard().withAttention(1000) : Distillation.standard();
        net = Network.create(Architectures.parse(student), BenchData.SHAPE, 1, d);
        net.configure(BenchData.schedule(), 0.9, 5e-4);
        teacherNet = Network.create(Architectures.parse(teacher), BenchData.SHAPE, 2, null);
        data = new BenchData(batch, 7);
        cached = teacherNet.logits(data.features, data.n);
        maps = new float[teacherNet.attentionPoints()][];
        features = teacherNet.features(data.features, data.n, maps);
    }

    @Benchmark
    public double kdStep() {
        switch (logits) {
            case "cached" -> {
                float[] t = Arrays.copyOf(cached, cached.length);
                return net.step(data.features, data.n, data.labels, t, data.logits);
            }
            case "orbit" -> {
                float[] t = teacherNet.head(Arrays.copyOf(features, features.length), data.n);
                return net.step(data.features, data.n, data.labels, t, data.logits);
            }
            case "orbitAttention" -> {
                float[] t = teacherNet.head(Arrays.copyOf(features, features.length), data.n);
                float[][] m = new float[maps.length][];
                for (int i = 0; i < maps.length; i++) {
                    m[i] = Arrays.copyOf(maps[i], maps[i].length);
                }
                return net.step(data.features, data.n, data.labels, t, m, data.logits);
            }
            case "attention" -> {
                float[][] maps = new float[teacherNet.attentionPoints()][];
                float[] t = teacherNet.logits(data.features, data.n, maps);
                return net.step(data.features, data.n, data.labels, t, maps, data.logits);
            }
            default -> {
                float[] t = teacherNet.logits(data.features, data.n);
                return net.step(data.features, data.n, data.labels, t, data.logits);
            }
        }
    }
}
