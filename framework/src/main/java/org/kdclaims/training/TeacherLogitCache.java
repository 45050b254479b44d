package org.kdclaims.training;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A teacher's logits for one epoch of a student's training (and on the test set), computed once and shared by every
 * student that sees the same batches: same teacher checkpoint, data, augmentation, batch size, seed
 * and epoch (the data order and augmentation depend only on these). Students of one seed in
 * different arms of a claim (ESKD and full KD, a temperature sweep) then pay for the teacher once.
 * A teacher runs in evaluation mode and deterministically, so a cached epoch is bitwise what the
 * teacher would compute again: the cache changes speed, never numbers.
 *
 * <p>Not used with attention transfer (the maps are ~30 times larger than the logits). Bounded in
 * bytes; the least recently used epochs are dropped first.
 */
public final class TeacherLogitCache {
    private final long capacityBytes;
    private final LinkedHashMap<String, float[]> epochs = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public TeacherLogitCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** A cache that holds nothing: every epoch is computed on the fly. */
    public static TeacherLogitCache disabled() {
        return new TeacherLogitCache(0);
    }

    public boolean enabled() {
        return capacityBytes > 0;
    }

    /** The key of one epoch of teacher logits for a student run. */
    static String key(Teacher teacher, TrainingData data, TrainingSpec spec, int epoch) {
        return teacher.key() + " | " + data.describe() + " | batch=" + spec.batchSize() + " seed=" + spec.seed()
                + " epoch=" + epoch;
    }

    /** The key of a teacher's logits on the test set (for the test KD loss and KD error). */
    static String testKey(Teacher teacher, TrainingData data) {
        return teacher.key() + " | " + data.describe() + " | test set";
    }

    /** The epoch's logits (train size x K, in batch order), or null if not cached. */
    synchronized float[] get(String key) {
        float[] v = epochs.get(key);
        if (v == null) {
            misses++;
        } else {
            hits++;
        }
        return v;
    }

    synchronized void put(String key, float[] logits) {
        long size = 4L * logits.length;
        if (size > capacityBytes || epochs.containsKey(key)) {
            return;
        }
        epochs.put(key, logits);
        bytes += size;
        for (Iterator<Map.Entry<String, float[]>> it = epochs.entrySet().iterator(); bytes > capacityBytes && it.hasNext();) {
            bytes -= 4L * it.next().getValue().length;
            it.remove();
        }
    }

    /** Epochs served from the cache, epochs computed, and bytes held. */
    public synchronized String stats() {
        return String.format(java.util.Locale.ROOT, "%d epochs reused, %d computed, %.1f MB held", hits, misses,
                bytes / 1e6);
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
