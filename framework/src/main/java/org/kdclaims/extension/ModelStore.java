package org.kdclaims.extension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.TrainingData;
import org.kdclaims.training.TrainingSpec;

/**
 * Trained models shared by every claim of a run, keyed by a hash of everything that determines a
 * trained model: the training spec (architecture, schedule, seed, KD recipe), the data, the
 * teacher's key, the native build and the thread count. A teacher used by five claims trains once.
 * Concurrent requests for one key train it once; the others wait for it.
 */
public final class ModelStore {
    private final Map<String, Entry> models = new ConcurrentHashMap<>();
    private final AtomicInteger trainings = new AtomicInteger();

    /** The result and whether it was already in the store. */
    public record Lookup(TrainedModel model, String key, boolean fromStore) {
    }

    private static final class Entry {
        private TrainedModel model;
    }

    public static String key(TrainingSpec spec, TrainingData data, String teacherKey) {
        String basis = spec.describe() + "\n" + data.describe() + "\nteacher=" + teacherKey + "\nnative="
                + NativeBackend.buildId() + " threads=" + NativeBackend.threads();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Lookup getOrTrain(String key, Supplier<TrainedModel> train) {
        Entry e = models.computeIfAbsent(key, k -> new Entry());
        synchronized (e) {
            if (e.model != null) {
                return new Lookup(e.model, key, true);
            }
            e.model = train.get();
            trainings.incrementAndGet();
            return new Lookup(e.model, key, false);
        }
    }

    /** How many models this store has trained (not served from memory): tests assert reuse with it. */
    public int trainings() {
        return trainings.get();
    }
}
