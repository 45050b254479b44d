package org.kdclaims.training;

import org.kdclaims.data.TrainingData;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * A teacher's logits for one epoch of a student's training (and on the test set), computed once and shared by every
 * student that sees the same batches: same teacher checkpoint, data, augmentation, batch size, seed
 * and epoch (the data order and augmentation depend only on these). Students of one seed in
 * different arms of a claim (ESKD and full KD, a temperature sweep) then pay for the teacher once.
 * A teacher runs in evaluation mode and deterministically, so a cached epoch is bitwise what the
 * teacher would compute again: the cache changes speed, never numbers.
 *
 * <p>Not used with attention transfer (the maps are ~30 times larger than the logits). Bounded in
 * bytes: when full, further epochs are not kept. Students read epochs in the order an earlier
 * student wrote them (0, 1, 2, ...), a scan for which dropping the least recently used entry would
 * evict each epoch just before it is needed; keeping the first ones serves as many epochs as fit.
 */
public final class TeacherLogitCache {
    private final long capacityBytes;
    private final Map<String, float[]> epochs = new HashMap<>();
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
    static String key(TeacherNetwork teacher, TrainingData data, TrainingSpec spec, int epoch) {
        return teacher.key() + " | " + data.describe() + " | batch=" + spec.batchSize() + " seed=" + spec.seed()
                + " epoch=" + epoch;
    }

    /** The key of a teacher's logits on the test set (for the test KD loss and KD error). */
    static String testKey(TeacherNetwork teacher, TrainingData data) {
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

    /** Keeps the epoch if it fits in what is left of the capacity. */
    synchronized void put(String key, float[] logits) {
        long size = 4L * logits.length;
        if (bytes + size > capacityBytes || epochs.containsKey(key)) {
            return;
        }
        epochs.put(key, logits);
        bytes += size;
    }

    /** Epochs served from the cache, epochs computed, and bytes held. */
    public synchronized String stats() {
        return String.format(Locale.ROOT, "%d epochs reused, %d computed, %.1f MB held", hits, misses,
                bytes / 1e6);
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
