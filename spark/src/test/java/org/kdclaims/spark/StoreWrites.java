package org.kdclaims.spark;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the model files that appear in a store folder, whichever JVM writes them: a model is
 * written by moving a finished file into place, which the file system reports as a creation.
 * Seen from outside the executors, so "each model written once" does not rest on their word.
 */
final class StoreWrites implements AutoCloseable {
    private final WatchService watch;
    private final Map<String, Integer> created = new TreeMap<>();

    StoreWrites(Path store) throws IOException {
        Files.createDirectories(store);
        watch = FileSystems.getDefault().newWatchService();
        store.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    }

    /** Model files created so far, by key: a model written twice counts 2. */
    synchronized Map<String, Integer> models() {
        WatchKey k;
        while ((k = watch.poll()) != null) {
            for (WatchEvent<?> e : k.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    throw new IllegalStateException("too many store events to count");
                }
                String name = e.context().toString();
                if (name.endsWith(".kdm")) {
                    created.merge(name.substring(0, name.length() - 4), 1, Integer::sum);
                }
            }
            k.reset();
        }
        return new TreeMap<>(created);
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
