package org.kdclaims.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the official CIFAR-10 binary layout: {@code data_batch_1.bin} .. {@code data_batch_5.bin}
 * (the training set split into five consecutive, near-equal parts), {@code test_batch.bin} and
 * {@code batches.meta.txt}. {@link Cifar10#load} reads it back identically.
 */
public final class CifarBinaryWriter {
    private CifarBinaryWriter() {
    }

    public static void write(Cifar10 data, Path dir) {
        write(data.train(), data.test(), dir);
    }

    /** Writes both splits into {@code dir} (created if needed). Images must be 3x32x32. */
    public static void write(ImageDataset train, ImageDataset test, Path dir) {
        new Cifar10(train, test); // same classes and shape
        if (train.channels() != 3 || train.height() != 32 || train.width() != 32) {
            throw new DataException("the CIFAR-10 binary format holds 3x32x32 images only, not "
                    + train.channels() + "x" + train.height() + "x" + train.width() + "; use Resize or ImageFolderWriter");
        }
        if (train.numClasses() > 256) {
            throw new DataException("the CIFAR-10 binary format stores labels in one byte: at most 256 classes");
        }
        try {
            Files.createDirectories(dir);
            int files = CifarBinaryReader.TRAIN_FILES.size();
            int start = 0;
            for (int b = 0; b < files; b++) {
                // The first (size % 5) files take one extra image each.
                int count = train.size() / files + (b < train.size() % files ? 1 : 0);
                writeRecords(train, start, count, dir.resolve(CifarBinaryReader.TRAIN_FILES.get(b)));
                start += count;
            }
            writeRecords(test, 0, test.size(), dir.resolve(CifarBinaryReader.TEST_FILE));
            // The official file ends with a blank line; the reader ignores blank lines either way.
            Files.writeString(dir.resolve(CifarBinaryReader.META_FILE),
                    String.join("\n", train.classNames()) + "\n\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException(dir + ": cannot write the CIFAR-10 binary files (" + e + ")", e);
        }
    }

    private static void writeRecords(ImageDataset d, int start, int count, Path file) throws IOException {
        byte[] record = new byte[CifarBinaryReader.RECORD_BYTES];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = start; i < start + count; i++) {
                record[0] = (byte) d.label(i);
                d.copyImage(i, record, 1);
                out.write(record);
            }
        }
    }

}
