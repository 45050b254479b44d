package org.kdclaims.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.kdclaims.data.ImageShape;
import org.kdclaims.io.AtomicFiles;
import org.kdclaims.io.Crc32cTrailer;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.Distillation;
import org.kdclaims.training.EpochMetrics;
import org.kdclaims.training.RunJournal;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.TrainingSpec;

/**
 * One trained model on disk: a JSON header (the full spec that produced it, the data shape, the
 * learning curve, timings), then its checkpoints (name, floats), then a CRC32C of everything before.
 * Written with {@link AtomicFiles} (temporary file, fsync, atomic move), so a reader sees a whole
 * file or none; a file whose checksum, magic or version does not match is damaged and never used.
 */
final class ModelFile {
    private static final int MAGIC = 0x4B444D31; // "KDM1"
    private static final int PROGRESS_MAGIC = 0x4B445031; // "KDP1"
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Eight bytes: the layout of every model file already on disk. */
    private static final Crc32cTrailer CHECKSUM = Crc32cTrailer.EIGHT_BYTES;

    /**
     * What identifies and describes the model, stored as JSON. {@code learningCurve} is written only
     * when true (null otherwise): the header of every other model stays what it was, so a store shared
     * with an earlier checkout never sees a field it does not know in a model it reads.
     */
    record Header(String key, String arch, int epochs, int batchSize, double learningRate, double lrDecay,
            double[] lrMilestones, double momentum, double weightDecay, long seed, Double tau, Double kdWeight,
            String convention, Double attentionBeta, int kdUntilEpoch, int evalEvery, int channels, int height, int width, int classes,
            List<EpochMetrics> curve, double wallSeconds, String teacherKey, String basis,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean learningCurve) {
    }

    private ModelFile() {
    }

    static void write(Path file, String key, String basis, TrainedModel m) throws IOException {
        TrainingSpec s = m.spec();
        Distillation d = s.distillation();
        Header h = new Header(key, s.architecture().name(), s.epochs(), s.batchSize(), s.learningRate(), s.lrDecay(),
                s.lrMilestones(), s.momentum(), s.weightDecay(), s.seed(), d == null ? null : d.tau(),
                d == null ? null : d.weight(), d == null ? null : d.convention().name(), d == null ? null : d.attentionBeta(), s.kdUntilEpoch(), s.evalEvery(),
                m.network().shape().channels(), m.network().shape().height(), m.network().shape().width(),
                m.network().shape().classes(), m.curve(),
                m.wallSeconds(), m.teacherKey(), basis, s.learningCurve() ? Boolean.TRUE : null);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            byte[] header = JSON.writeValueAsBytes(h);
            out.writeInt(header.length);
            out.write(header);
            writeCheckpoints(out, m.checkpoints());
        }
        writeAtomically(file, buffer.toByteArray());
    }

    /** A run in progress: its curve and checkpoints so far, the optimizer state and iteration count. */
    static void writeProgress(Path file, String key, RunJournal.Progress p) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(PROGRESS_MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(key);
            byte[] curve = JSON.writeValueAsBytes(p.curve());
            out.writeInt(curve.length);
            out.write(curve);
            out.writeInt(p.iterations());
            out.writeDouble(p.wallSeconds());
            writeTensors(out, p.optimizer());
            writeCheckpoints(out, p.checkpoints());
        }
        writeAtomically(file, buffer.toByteArray());
    }

    static RunJournal.Progress readProgress(Path file, String key) throws IOException {
        try (DataInputStream in = readVerified(file)) {
            if (in.readInt() != PROGRESS_MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key)) {
                throw new DamagedModelException(file, "not the progress file of model " + key);
            }
            byte[] curve = new byte[in.readInt()];
            in.readFully(curve);
            List<EpochMetrics> c = JSON.readValue(curve, JSON.getTypeFactory()
                    .constructCollectionType(List.class, EpochMetrics.class));
            int iterations = in.readInt();
            double wall = in.readDouble();
            Map<String, float[]> optimizer = readTensors(in);
            return new RunJournal.Progress(c, readCheckpoints(in), optimizer, iterations, wall);
        }
    }

    private static void writeCheckpoints(DataOutputStream out, TreeMap<Integer, Map<String, float[]>> checkpoints)
            throws IOException {
        out.writeInt(checkpoints.size());
        for (Map.Entry<Integer, Map<String, float[]>> c : checkpoints.entrySet()) {
            out.writeInt(c.getKey());
            writeTensors(out, c.getValue());
        }
    }

    private static TreeMap<Integer, Map<String, float[]>> readCheckpoints(DataInputStream in) throws IOException {
        TreeMap<Integer, Map<String, float[]>> checkpoints = new TreeMap<>();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int epoch = in.readInt();
            checkpoints.put(epoch, readTensors(in));
        }
        return checkpoints;
    }

    private static void writeTensors(DataOutputStream out, Map<String, float[]> tensors) throws IOException {
        out.writeInt(tensors.size());
        for (Map.Entry<String, float[]> t : tensors.entrySet()) {
            out.writeUTF(t.getKey());
            out.writeInt(t.getValue().length);
            for (float f : t.getValue()) {
                out.writeFloat(f);
            }
        }
    }

    private static Map<String, float[]> readTensors(DataInputStream in) throws IOException {
        Map<String, float[]> state = new LinkedHashMap<>();
        int tensors = in.readInt();
        for (int t = 0; t < tensors; t++) {
            String name = in.readUTF();
            float[] v = new float[in.readInt()];
            for (int j = 0; j < v.length; j++) {
                v[j] = in.readFloat();
            }
            state.put(name, v);
        }
        return state;
    }

    /** Payload plus its CRC32C (eight bytes), through the project's one atomic write. */
    private static void writeAtomically(Path file, byte[] payload) throws IOException {
        AtomicFiles.write(file, CHECKSUM.after(out -> out.write(payload)));
    }

    /** The payload of a file whose checksum matches; a {@link DamagedModelException} otherwise. */
    private static DataInputStream readVerified(Path file) throws IOException {
        byte[] all;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            all = in.readAllBytes();
        }
        if (all.length < 16) {
            throw new DamagedModelException(file, "only " + all.length + " bytes");
        }
        if (!CHECKSUM.matches(all, 0)) {
            throw new DamagedModelException(file, "checksum mismatch (truncated or overwritten)");
        }
        return new DataInputStream(new ByteArrayInputStream(all, 0, all.length - CHECKSUM.bytes()));
    }

    /**
     * Checks a model file as {@link #read} would (checksum, magic, version, key) without building the
     * model: the plan counts a model as stored only if this passes, at the cost of reading the bytes.
     */
    static void verify(Path file, String expectedKey) throws IOException {
        try (DataInputStream in = readVerified(file)) {
            header(in, file, expectedKey);
        }
    }

    /** Reads a model back; any mismatch is a {@link DamagedModelException} naming the file and the problem. */
    static TrainedModel read(Path file, String expectedKey) throws IOException {
        try (DataInputStream in = readVerified(file)) {
            Header h = header(in, file, expectedKey);
            TreeMap<Integer, Map<String, float[]>> checkpoints = readCheckpoints(in);
            Distillation d = h.tau() == null ? null
                    : new Distillation(h.tau(), h.kdWeight(), Distillation.Convention.valueOf(h.convention()),
                            h.attentionBeta() == null ? 0 : h.attentionBeta());
            TrainingSpec spec = new TrainingSpec(Architectures.parse(h.arch()), h.epochs(), h.batchSize(),
                    h.learningRate(), h.lrDecay(), h.lrMilestones(), h.momentum(), h.weightDecay(), h.seed(), d,
                    h.kdUntilEpoch(), h.evalEvery(), Boolean.TRUE.equals(h.learningCurve()));
            return TrainedModel.restore(spec, new ImageShape(h.channels(), h.height(), h.width(), h.classes()), h.curve(),
                    checkpoints, h.wallSeconds(), h.teacherKey());
        }
    }

    private static Header header(DataInputStream in, Path file, String expectedKey) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new DamagedModelException(file, "not a kd-claims model file");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new DamagedModelException(file, "format version " + version + ", expected " + VERSION);
        }
        byte[] header = new byte[in.readInt()];
        in.readFully(header);
        Header h = JSON.readValue(new String(header, StandardCharsets.UTF_8), Header.class);
        if (!h.key().equals(expectedKey)) {
            throw new DamagedModelException(file, "holds model " + h.key() + ", expected " + expectedKey);
        }
        return h;
    }

    /** A stored model that cannot be used: it is reported, deleted and trained again. */
    static final class DamagedModelException extends IOException {
        DamagedModelException(Path file, String problem) {
            super(file + ": damaged model file (" + problem + ")");
        }
    }
}
