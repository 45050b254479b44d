package org.kdclaims.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.kdclaims.training.TeacherOrbit;
import org.kdclaims.training.TeacherOrbits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teacher orbit tables in a model store's folder ({@code orbit-<hash>.orbit}, {@link OrbitFile}):
 * read back only when intact and holding exactly the key asked for, written atomically, computed
 * once across processes under the table's file lock. A damaged table is reported, deleted and
 * computed again; a failed write is reported with its path and the session keeps the table in memory.
 */
final class OrbitStore implements TeacherOrbits.Store {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private final ModelStore store;

    OrbitStore(ModelStore store) {
        this.store = store;
    }

    @Override
    public Optional<TeacherOrbit> read(String key) {
        if (store.policy() == ModelStore.Policy.OFF) {
            return Optional.empty();
        }
        Path f = store.orbitFile(key);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrbitFile.read(f, key));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException | RuntimeException ex) {
            String problem = ex instanceof OrbitFile.DamagedOrbitException ? ex.getMessage()
                    : f + ": unreadable orbit table (" + ex + ")";
            LOG.warn("kd-claims model store: " + problem + "; computing it again");
            if (store.policy() == ModelStore.Policy.READWRITE) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // replaced atomically once computed again
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public void write(TeacherOrbit orbit) {
        if (store.policy() != ModelStore.Policy.READWRITE) {
            return;
        }
        Path f = store.orbitFile(orbit.key());
        try {
            OrbitFile.write(f, orbit);
        } catch (IOException ex) {
            // nothing partial is left (AtomicFiles deletes its temporary file): the session goes on
            // with the table in memory, and a later session computes it again
            LOG.warn("kd-claims model store: could not write the orbit table " + f + " (" + ex
                    + "); continuing with it in memory. Free space there or set -Dkd.models.dir");
        }
    }

    @Override
    public <T> T exclusive(String key, Supplier<T> body) {
        return store.withFileLock(ModelStore.orbitName(key), body);
    }
}
