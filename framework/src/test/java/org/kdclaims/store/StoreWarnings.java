package org.kdclaims.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The model store's warnings while open (slf4j logs through java.util.logging here), and how tests
 * damage a stored file: a few bytes in the middle inverted, so the content surely changes.
 */
public final class StoreWarnings extends Handler implements AutoCloseable {
    /** Held here: java.util.logging keeps loggers only weakly, and a collected one loses this handler. */
    private final Logger logger = Logger.getLogger(ModelStore.class.getName());
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public StoreWarnings() {
        logger.addHandler(this);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            messages.add(r.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }

    /** Inverts four bytes in the middle of {@code file}, as a disk error or another process might. */
    public static void overwriteMiddle(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = f.length() / 2;
            byte[] bytes = new byte[4];
            f.seek(middle);
            f.readFully(bytes);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            f.seek(middle);
            f.write(bytes);
        }
    }
}
