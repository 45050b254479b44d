package org.kdclaims.training;

import java.util.Locale;
import java.util.function.IntConsumer;

import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Batch;
import org.kdclaims.data.Batches;
import org.kdclaims.data.ImageDataset;
import org.kdclaims.data.TrainingData;

/**
 * A teacher checkpoint's outputs on its augmentation orbit: every view ({@link Augmentation#views()})
 * of every training image, computed once, then looked up by every student of that checkpoint
 * whatever its seed, arm or claim. Pad-crop-flip at 16x16 with pad 2 has 50 views per image, so a
 * ci student (100 epochs of 500 images) asks for 50,000 teacher outputs out of a table of 25,000.
 *
 * <p>What is kept is the features below the teacher's dense head ({@link Network#headInputs()}),
 * not its logits: everything below the head gives bitwise the same floats for an image whatever
 * batch it is in, while the head's matrix product rounds differently with the batch size (measured:
 * up to 2e-6 on a tenth of the logits). A student's batch is therefore assembled from the table row
 * by row and the head applied to it as a whole, which is exactly what the teacher would compute on
 * that batch: the table changes speed, never numbers. With attention transfer the teacher's
 * normalised maps are kept too (also batch-invariant).
 *
 * <p>Rows are image-major: row {@code image * views + view}.
 */
public final class TeacherOrbit {
    /** The format of the table; part of its key, so a change of what is stored never serves old tables. */
    public static final int FORMAT = 1;
    /** Views per pass of the teacher while the table is computed. */
    static final int PASS_BATCH = 500;

    private final String key;
    private final int images;
    private final int views;
    private final int width;
    private final float[] features;
    private final float[][] maps;

    TeacherOrbit(String key, int images, int views, int width, float[] features, float[][] maps) {
        if (features.length != (long) images * views * width) {
            throw new IllegalArgumentException("an orbit of " + images + " images x " + views + " views x " + width
                    + " features needs " + (long) images * views * width + " floats, got " + features.length);
        }
        this.key = key;
        this.images = images;
        this.views = views;
        this.width = width;
        this.features = features;
        this.maps = maps;
    }

    /**
     * The key of a checkpoint's orbit: the teacher (model key and epoch), the data (which includes
     * its augmentation), the number of views, the format, whether attention maps are kept, and what
     * decides the floats on the machine that computes it (native build, threads, CPU instruction
     * set, as in a model key): a student elsewhere would compute other floats on the fly, so a table
     * from another kind of machine in a shared store is never served.
     */
    public static String key(String teacherKey, TrainingData data, boolean withMaps) {
        return teacherKey + " | " + data.describe() + " | orbit views=" + data.augmentation().views()
                + " format=" + FORMAT + (withMaps ? " +attention maps" : "") + " | " + NativeBackend.numerics();
    }

    /** Whether a teacher's outputs can be tabulated: it ends in a dense head on pooled features. */
    public static boolean supports(Network teacher) {
        return teacher.headInputs() > 0;
    }

    /** Bytes the table of {@code teacher} on {@code data} holds, with or without attention maps. */
    public static long bytes(Network teacher, TrainingData data, boolean withMaps) {
        long rows = (long) data.train().size() * data.augmentation().views();
        long perRow = teacher.headInputs();
        if (withMaps) {
            for (int i = 0; i < teacher.attentionPoints(); i++) {
                perRow += teacher.attentionMapSize(i);
            }
        }
        return 4 * rows * perRow;
    }

    /**
     * Runs the teacher over every view of every training image, {@link #PASS_BATCH} views at a
     * time; {@code done} hears the number of rows finished after each pass (for progress).
     */
    public static TeacherOrbit compute(Network teacher, String key, TrainingData data, boolean withMaps,
            IntConsumer done) {
        if (!supports(teacher)) {
            throw new IllegalArgumentException("the teacher does not end in a dense head: its orbit cannot be tabulated");
        }
        ImageDataset train = data.train();
        Augmentation a = data.augmentation();
        int views = a.views();
        int width = teacher.headInputs();
        long rowsLong = (long) train.size() * views;
        if (rowsLong * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an orbit of %d views x %d features does not fit one array; train this teacher's students "
                            + "with the teacher on the fly (-Dkd.orbit=off)", rowsLong, width));
        }
        int rows = (int) rowsLong;
        float[] features = new float[rows * width];
        float[][] maps = withMaps ? new float[teacher.attentionPoints()][] : null;
        if (maps != null) {
            for (int i = 0; i < maps.length; i++) {
                maps[i] = new float[rows * teacher.attentionMapSize(i)];
            }
        }
        for (int start = 0; start < rows; start += PASS_BATCH) {
            int n = Math.min(PASS_BATCH, rows - start);
            int[] indices = new int[n];
            int[] viewOf = new int[n];
            for (int r = 0; r < n; r++) {
                indices[r] = (start + r) / views;
                viewOf[r] = (start + r) % views;
            }
            Batch b = Batches.ofViews(train, data.normalization(), a, indices, viewOf);
            float[][] m = maps == null ? null : new float[maps.length][];
            float[] f = teacher.features(b.features(), n, m);
            System.arraycopy(f, 0, features, start * width, n * width);
            if (maps != null) {
                for (int i = 0; i < maps.length; i++) {
                    int size = teacher.attentionMapSize(i);
                    System.arraycopy(m[i], 0, maps[i], start * size, n * size);
                }
            }
            done.accept(start + n);
        }
        return new TeacherOrbit(key, train.size(), views, width, features, maps);
    }

    /** A table read back from the model store. */
    public static TeacherOrbit of(String key, int images, int views, int width, float[] features, float[][] maps) {
        return new TeacherOrbit(key, images, views, width, features, maps);
    }

    public String key() {
        return key;
    }

    public boolean hasMaps() {
        return maps != null;
    }

    /** The teacher's logits on a student's batch: its rows gathered from the table, the head applied to the batch. */
    public float[] logits(Network teacher, Batch b) {
        requireProvenance(b);
        float[] gathered = new float[b.size() * width];
        for (int r = 0; r < b.size(); r++) {
            System.arraycopy(features, row(b, r) * width, gathered, r * width, width);
        }
        return teacher.head(gathered, b.size());
    }

    /** The teacher's normalised attention maps on a student's batch, one array (N x H*W) per attention point. */
    public float[][] maps(Batch b) {
        if (maps == null) {
            throw new IllegalStateException("this orbit was computed without attention maps: " + key);
        }
        requireProvenance(b);
        float[][] out = new float[maps.length][];
        for (int i = 0; i < maps.length; i++) {
            int size = maps[i].length / (images * views);
            out[i] = new float[b.size() * size];
            for (int r = 0; r < b.size(); r++) {
                System.arraycopy(maps[i], row(b, r) * size, out[i], r * size, size);
            }
        }
        return out;
    }

    private int row(Batch b, int r) {
        int image = b.indices()[r];
        int view = b.views()[r];
        if (image < 0 || image >= images || view < 0 || view >= views) {
            throw new IllegalArgumentException("row " + r + " (image " + image + ", view " + view + ") is outside the orbit of "
                    + images + " images x " + views + " views: " + key);
        }
        return image * views + view;
    }

    private static void requireProvenance(Batch b) {
        if (!b.hasProvenance()) {
            throw new IllegalArgumentException("an orbit lookup needs each row's image index and view (a batch from Batches.epoch)");
        }
    }

    public int images() {
        return images;
    }

    public int views() {
        return views;
    }

    public int width() {
        return width;
    }

    public float[] features() {
        return features;
    }

    /** The attention maps per point (rows x H*W each), null if not kept. */
    public float[][] mapArrays() {
        return maps;
    }

    /** Bytes held. */
    public long bytes() {
        long b = 4L * features.length;
        if (maps != null) {
            for (float[] m : maps) {
                b += 4L * m.length;
            }
        }
        return b;
    }
}
