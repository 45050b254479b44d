package org.kdclaims.training;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.kdclaims.data.TrainingData;
import org.kdclaims.io.Console;

/**
 * The session's teacher orbit tables ({@link TeacherOrbit}): each is computed once per teacher
 * checkpoint, data and augmentation, kept in memory up to a byte budget (least recently used
 * first out) and in the model store ({@link Store}) for later sessions and other processes. A
 * student asks {@link #orbit}; null means "run the teacher on the fly" (orbits off, a teacher
 * without a dense head, or a table larger than the budget), which gives the same numbers.
 */
public final class TeacherOrbits {
    /** Where tables outlive the session: the model store. */
    public interface Store {
        /** The stored table, if there is an intact one under {@code key}. */
        Optional<TeacherOrbit> read(String key);

        /** Stores a table; a failure is reported and the session goes on with the table in memory. */
        void write(TeacherOrbit orbit);

        /** Runs {@code body} holding the table's lock, so that two processes compute it once. */
        <T> T exclusive(String key, Supplier<T> body);

        static Store none() {
            return new Store() {
                @Override
                public Optional<TeacherOrbit> read(String key) {
                    return Optional.empty();
                }

                @Override
                public void write(TeacherOrbit orbit) {
                }

                @Override
                public <T> T exclusive(String key, Supplier<T> body) {
                    return body.get();
                }
            };
        }
    }

    private final long budgetBytes;
    private final Store store;
    private final Map<String, TeacherOrbit> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> toldOnTheFly = new HashSet<>();
    /** The tables a suite's plan chose (null: no plan, every table that applies). */
    private Set<String> planned;
    private long heldBytes;
    private int computed;
    private int read;
    private int served;

    public TeacherOrbits(long budgetBytes, Store store) {
        this.budgetBytes = budgetBytes;
        this.store = store;
    }

    /** No tables: every student runs its teacher on the fly. */
    public static TeacherOrbits off() {
        return new TeacherOrbits(0, Store.none());
    }

    public boolean enabled() {
        return budgetBytes > 0;
    }

    /**
     * Restricts the tables to those a suite's plan chose ({@code OrbitPlanner}): for the others the
     * teacher on the fly is less work, and their students run it so, with the same numbers. Null
     * lifts the restriction: every table that applies.
     */
    public synchronized void planned(Set<String> keys) {
        planned = keys == null ? null : Set.copyOf(keys);
    }

    /**
     * Whether {@code teacher}'s students on {@code data} use a table: orbits on, a dense head, and
     * a table within the budget. Decided by the model and the data alone, never by the schedule.
     */
    public boolean applies(Network teacher, TrainingData data, boolean withMaps) {
        return enabled() && TeacherOrbit.supports(teacher) && !data.augmentation().isNone()
                && TeacherOrbit.bytes(teacher, data, withMaps) <= budgetBytes;
    }

    /**
     * The table of {@code teacher} on {@code data} (with attention maps if {@code withMaps}): from
     * memory, from the store, or computed now and stored; null when it does not {@link #applies apply}.
     */
    public TeacherOrbit orbit(TeacherNetwork teacher, TrainingData data, boolean withMaps) {
        if (!applies(teacher.network(), data, withMaps)) {
            explainOnTheFly(teacher, data, withMaps);
            return null;
        }
        String key = TeacherOrbit.key(teacher.key(), data, withMaps);
        synchronized (this) {
            if (planned != null && !planned.contains(key)) {
                return null;
            }
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            TeacherOrbit t = fromMemory(key, withMaps ? null : TeacherOrbit.key(teacher.key(), data, true));
            if (t == null) {
                t = store.exclusive(key, () -> store.read(key).map(this::countRead).orElseGet(() -> {
                    TeacherOrbit c = compute(teacher, data, key, withMaps);
                    store.write(c);
                    return c;
                }));
                hold(t);
            }
            synchronized (this) {
                served++;
            }
            return t;
        }
    }

    private TeacherOrbit countRead(TeacherOrbit t) {
        synchronized (this) {
            read++;
        }
        return t;
    }

    private TeacherOrbit compute(TeacherNetwork teacher, TrainingData data, String key, boolean withMaps) {
        long rows = (long) data.train().size() * data.augmentation().views();
        long start = System.nanoTime();
        Console.printf("[kd] orbit of %s: %,d views (%d per image), %.1f MB%n", teacher.label(), rows,
                data.augmentation().views(), TeacherOrbit.bytes(teacher.network(), data, withMaps) / 1e6);
        TeacherOrbit t = TeacherOrbit.compute(teacher.network(), key, data, withMaps, done -> { });
        synchronized (this) {
            computed++;
        }
        Console.printf("[kd] orbit of %s computed in %.1f s%n", teacher.label(),
                (System.nanoTime() - start) / 1e9);
        return t;
    }

    private synchronized TeacherOrbit fromMemory(String key, String alsoServes) {
        TeacherOrbit t = held.get(key);
        if (t == null && alsoServes != null) {
            t = held.get(alsoServes);   // a table with maps serves a student without attention transfer
        }
        return t;
    }

    private synchronized void hold(TeacherOrbit t) {
        if (held.containsKey(t.key())) {
            return;
        }
        held.put(t.key(), t);
        heldBytes += t.bytes();
        Iterator<Map.Entry<String, TeacherOrbit>> it = held.entrySet().iterator();
        while (heldBytes > budgetBytes && it.hasNext()) {
            Map.Entry<String, TeacherOrbit> e = it.next();
            if (e.getValue() != t) {
                heldBytes -= e.getValue().bytes();
                it.remove();   // students holding it keep their reference; later ones read it from the store
            }
        }
    }

    private void explainOnTheFly(TeacherNetwork teacher, TrainingData data, boolean withMaps) {
        if (!enabled() || data.augmentation().isNone()) {
            return;
        }
        String why = !TeacherOrbit.supports(teacher.network()) ? "it does not end in a dense head"
                : String.format(Locale.ROOT, "its table would take %s, more than -Dkd.orbitMb=%s",
                        megabytes(TeacherOrbit.bytes(teacher.network(), data, withMaps)), megabytes(budgetBytes));
        synchronized (this) {
            if (toldOnTheFly.add(teacher.key() + withMaps)) {
                Console.line("[kd] " + teacher.label() + ": no orbit table (" + why + "); its students run it on the"
                        + " fly, with the same numbers");
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, bytes < 10_000_000 ? "%.3f MB" : "%.0f MB", bytes / 1e6);
    }

    /** Tables computed, read from the store, and lookups served this session. */
    public synchronized String stats() {
        return String.format(Locale.ROOT, "%d computed, %d read from the store, %d students served, %.0f MB held",
                computed, read, served, heldBytes / 1e6);
    }

    synchronized int computed() {
        return computed;
    }

    synchronized int readFromStore() {
        return read;
    }
}
