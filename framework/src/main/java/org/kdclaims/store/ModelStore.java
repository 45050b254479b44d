package org.kdclaims.store;

import org.kdclaims.training.TeacherOrbits;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kdclaims.training.NativeBackend;
import org.kdclaims.training.RunJournal;
import org.kdclaims.training.TrainedModel;
import org.kdclaims.training.Trainer;
import org.kdclaims.data.TrainingData;
import org.kdclaims.training.TrainingSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained models shared by every claim of a run and kept on disk across runs, keyed by a hash of
 * everything that determines a trained model: the training spec (architecture, schedule, seed, KD
 * recipe), the data, the teacher's key, the native build and the thread count. A teacher used by
 * five claims is trained once.
 *
 * <p>Safe under parallel tests (one lock per key in memory) and under two runs at once (a file lock
 * per key: the second run waits, then reads what the first wrote). A damaged file is reported,
 * deleted and trained again, never used: the plan verifies each stored file ({@link #usable}), and a
 * file damaged or deleted later is missing when read ({@link #find}), for the caller to train. {@code -Dkd.cache=off|read|readwrite} sets the disk policy;
 * {@code -Dkd.models.dir} the folder (default {@code ~/.cache/kd-claims/models}).
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

    /** How the disk is used: never, only to read models trained earlier, or to read and write. */
    public enum Policy { OFF, READ, READWRITE;

        public static Policy parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-Dkd.cache=" + s + " is not a cache policy: use off, read or readwrite");
            }
        }
    }

    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Policy policy;
    private final Map<String, Entry> models = new ConcurrentHashMap<>();
    private final AtomicInteger trainings = new AtomicInteger();

    /** The result, and where it came from. */
    public record Lookup(TrainedModel model, String key, Source source) {
        public boolean fromStore() {
            return source != Source.TRAINED;
        }
    }

    public enum Source { TRAINED, MEMORY, DISK }

    private static final class Entry {
        private TrainedModel model;
    }

    public ModelStore(Path dir, Policy policy) {
        this.dir = dir;
        this.policy = policy;
    }

    /**
     * The store at {@code location} (blank: {@code ~/.cache/kd-claims/models}) with the disk policy
     * {@code policy} (blank: readwrite), as the settings name them.
     */
    public static ModelStore of(String location, String policy) {
        Path dir = location == null || location.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "kd-claims", "models") : location(location);
        return new ModelStore(dir, Policy.parse(policy == null || policy.isBlank() ? "readwrite" : policy));
    }

    /**
     * The store's folder from {@code -Dkd.models.dir}: a path, or a {@code file:} URI. Other URI
     * schemes (an object store) are the seam for running the plan elsewhere; locally they are an
     * error that says what to do (framework/README.md, "Running the plan on a cluster").
     */
    static Path location(String setting) {
        String s = setting.trim();
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            return Path.of(URI.create(s));
        }
        Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://").matcher(s);
        if (scheme.find()) {
            throw new IllegalArgumentException("-Dkd.models.dir=" + s + ": the local executor reads and writes models"
                    + " through the file system; mount the " + scheme.group(1) + " store (e.g. with a FUSE driver) and"
                    + " give its path or a file: URI");
        }
        return Path.of(s);
    }

    public Path directory() {
        return dir;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * The text a key is the hash of: readable, so a changed key can be explained. Besides the spec,
     * data and teacher it names what decides the floating-point numbers on this machine: the native
     * build, the thread count, the CPU instruction set oneDNN dispatches to (the same jar runs other
     * kernels on an AVX2-only CPU than on an AVX-512 one) and the engine version. A model trained
     * on another kind of machine is therefore never served as if this machine had trained it.
     */
    public static String basis(TrainingSpec spec, TrainingData data, String teacherKey) {
        // a provided architecture adds its provider and graph hash (built-in names fix their graph,
        // and their keys stay as they were); building that hash checks the graph before any training
        String arch = spec.architecture().identity(data.train().shape());
        String provided = arch.equals(spec.architecture().name()) ? "" : "\narchitecture=" + arch;
        return spec.describe() + provided + "\n" + data.describe() + "\nteacher=" + teacherKey + "\n"
                + NativeBackend.numerics() + " engine=" + Trainer.ENGINE_VERSION;
    }

    public static String key(TrainingSpec spec, TrainingData data, String teacherKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(basis(spec, data, teacherKey)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The model for {@code key} if it was trained already (in memory, or on disk unless the policy
     * is off); never trains. Claims read their models this way once the suite's plan has run.
     */
    public Optional<TrainedModel> find(String key) {
        Entry e = models.computeIfAbsent(key, k -> new Entry());
        synchronized (e) {
            if (e.model == null && policy != Policy.OFF) {
                e.model = readIfPresent(key);
            }
            return Optional.ofNullable(e.model);
        }
    }

    /**
     * Whether {@code key}'s model can be used: in memory, or on disk whole (for the plan). The file is
     * read and its checksum and header verified, but not kept; a damaged file is reported, naming it,
     * and deleted, so the plan trains the model again instead of counting on a file that fails later.
     * A file damaged or deleted after this check is found when a claim reads it ({@link #find}).
     */
    public boolean usable(String key) {
        Entry e = models.get(key);
        if (e != null) {
            synchronized (e) {
                if (e.model != null) {
                    return true;
                }
            }
        }
        if (policy == Policy.OFF) {
            return false;
        }
        Path f = file(key);
        if (!Files.exists(f)) {
            return false;
        }
        try {
            ModelFile.verify(f, key);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException | RuntimeException ex) {
            discard(f, ex);
            return false;
        }
    }

    /** The model for {@code key}: from memory, from disk, or trained now (and then stored). */
    public Lookup getOrTrain(String key, String basis, Supplier<TrainedModel> train) {
        Entry e = models.computeIfAbsent(key, k -> new Entry());
        synchronized (e) {
            if (e.model != null) {
                return new Lookup(e.model, key, Source.MEMORY);
            }
            if (policy == Policy.OFF) {
                e.model = trainNow(train);
                return new Lookup(e.model, key, Source.TRAINED);
            }
            Lookup found = withFileLock(key, () -> {
                TrainedModel m = readIfPresent(key);
                if (m != null) {
                    return new Lookup(m, key, Source.DISK);
                }
                m = trainNow(train);
                if (policy == Policy.READWRITE) {
                    write(key, basis, m);
                }
                return new Lookup(m, key, Source.TRAINED);
            });
            e.model = found.model();
            return found;
        }
    }

    /**
     * The journal of a model's run in progress ({@code <key>.partial} beside the models): an
     * interrupted run resumes from its last epoch. Without a writable store, there is none.
     */
    public RunJournal journal(String key) {
        if (policy != Policy.READWRITE) {
            return RunJournal.none();
        }
        Path f = dir.resolve(key + ".partial");
        return new RunJournal() {
            @Override
            public Optional<Progress> load() {
                if (!Files.exists(f)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(ModelFile.readProgress(f, key));
                } catch (IOException | RuntimeException ex) {
                    // a damaged journal is never resumed from: deleted, so that no later run trusts it either
                    LOG.warn("kd-claims model store: cannot resume from " + f + " (" + ex.getMessage()
                            + "); deleting it and training from the start");
                    finished();
                    return Optional.empty();
                }
            }

            @Override
            public void save(Progress progress) {
                try {
                    Files.createDirectories(dir);
                    ModelFile.writeProgress(f, key, progress);
                } catch (IOException ex) {
                    LOG.warn("kd-claims model store: cannot save progress to " + f + " (" + ex + ")");
                }
            }

            @Override
            public void finished() {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a stale progress file is ignored once the model itself is stored
                }
            }
        };
    }

    /** How many models this store has trained (not found in memory or on disk): tests assert reuse with it. */
    public int trainings() {
        return trainings.get();
    }

    /**
     * The teacher orbit tables beside the models ({@link OrbitStore}), under this store's policy and
     * file locks.
     */
    public TeacherOrbits.Store orbits() {
        return new OrbitStore(this);
    }

    /** Whether an intact table is stored under {@code key} (the plan's check: read and verified). */
    public boolean hasOrbit(String key) {
        return new OrbitStore(this).read(key).isPresent();
    }

    /** The file name (without extension) of the table with key {@code key}: the first 16 hex digits of its SHA-256. */
    public static String orbitName(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "orbit-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path orbitFile(String key) {
        return dir.resolve(orbitName(key) + ".orbit");
    }

    private TrainedModel trainNow(Supplier<TrainedModel> train) {
        TrainedModel m = train.get();
        trainings.incrementAndGet();
        return m;
    }

    private Path file(String key) {
        return dir.resolve(key + ".kdm");
    }

    private TrainedModel readIfPresent(String key) {
        Path f = file(key);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return ModelFile.read(f, key);
        } catch (NoSuchFileException gone) {
            return null; // deleted since the check above: trained again like a model never stored
        } catch (IOException | RuntimeException ex) {
            discard(f, ex);
            return null;
        }
    }

    /** A model file that cannot be used: reported by name and deleted (with a writable store), never used. */
    private void discard(Path f, Exception why) {
        String problem = why instanceof ModelFile.DamagedModelException ? why.getMessage()
                : f + ": unreadable model file (" + why + ")";
        LOG.warn("kd-claims model store: " + problem + "; deleting it and training the model again");
        if (policy == Policy.READWRITE) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // it is replaced atomically after training anyway
            }
        }
    }

    private void write(String key, String basis, TrainedModel m) {
        try {
            Files.createDirectories(dir);
            ModelFile.write(file(key), key, basis, m);
        } catch (IOException ex) {
            // the run goes on with the model in memory; only the reuse in later runs is lost
            LOG.warn("kd-claims model store: could not write " + file(key) + " (" + ex + "); continuing");
        }
    }

    /**
     * Runs {@code body} holding the key's lock: a JVM-wide monitor (file locks are per process, and
     * a second lock from the same JVM would fail) and a file lock against other processes.
     */
    <T> T withFileLock(String key, Supplier<T> body) {
        if (policy != Policy.READWRITE) {
            return body.get();
        }
        Path lockFile = dir.resolve(key + ".lock").toAbsolutePath().normalize();
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
            try {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = ch.lock()) {
                    return body.get();
                }
            } catch (IOException ex) {
                LOG.warn("kd-claims model store: cannot lock " + lockFile + " (" + ex + "); training without it");
                return body.get();
            }
        }
    }
}
