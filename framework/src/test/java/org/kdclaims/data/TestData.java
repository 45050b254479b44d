package org.kdclaims.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Small generated fixtures: CIFAR-shaped data, 10 images per class in train, 5 in test. */
public final class TestData {
    static final int TRAIN_PER_CLASS = 10;
    static final int TEST_PER_CLASS = 5;

    private TestData() {
    }

    /** 32x32 RGB with the official CIFAR-10 class names, ordered by class. */
    static Cifar10 cifarLike() {
        Cifar10 s = SyntheticTask.generateSplits(TRAIN_PER_CLASS, TEST_PER_CLASS, 10, 32, 2024);
        return new Cifar10(s.train().withClassNames(Cifar10.CLASS_NAMES), s.test().withClassNames(Cifar10.CLASS_NAMES));
    }

    /** The first channel of {@code d}, as a 1-channel data set (Fashion-MNIST-like). */
    public static ImageDataset grey(ImageDataset d) {
        int plane = d.height() * d.width();
        byte[] p = new byte[d.size() * plane];
        byte[] image = new byte[d.imageBytes()];
        for (int i = 0; i < d.size(); i++) {
            d.copyImage(i, image, 0);
            System.arraycopy(image, 0, p, i * plane, plane);
        }
        return new ImageDataset(p, d.labels(), 1, d.height(), d.width(), d.classNames());
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the records logged under org.kdclaims.data while open. */
    static final class LogCapture extends Handler implements AutoCloseable {
        final List<LogRecord> records = new ArrayList<>();
        private final Logger logger = Logger.getLogger("org.kdclaims.data");

        LogCapture() {
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        List<String> messages(Level level) {
            synchronized (records) {
                return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
            }
        }

        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
