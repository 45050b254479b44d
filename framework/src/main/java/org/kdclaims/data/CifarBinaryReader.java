package org.kdclaims.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the official CIFAR-10 binary release: {@code data_batch_1.bin} .. {@code data_batch_5.bin}
 * and {@code test_batch.bin}, each a sequence of records of 1 label byte + 3,072 pixel bytes
 * (1,024 R, 1,024 G, 1,024 B, row-major), plus {@code batches.meta.txt} with the class names.
 * The record layout is already {@link ImageDataset}'s, so this is a copy, not a decode.
 */
final class CifarBinaryReader {
    static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    static final String META_FILE = "batches.meta.txt";
    static final int IMAGE_BYTES = 3 * 32 * 32;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private CifarBinaryReader() {
    }

    /** All the files the reader looks at, for the cache key. */
    static List<String> fileNames() {
        List<String> names = new ArrayList<>(TRAIN_FILES);
        names.add(TEST_FILE);
        names.add(META_FILE);
        return names;
    }

    static Cifar10 read(Path dir) {
        List<String> classes = classNames(dir);
        List<Path> train = TRAIN_FILES.stream().map(dir::resolve).toList();
        Path test = dir.resolve(TEST_FILE);
        for (Path p : concat(train, test)) {
            if (!Files.isRegularFile(p)) {
                throw new DataException(p + " is missing: the official CIFAR-10 binary release has"
                        + " data_batch_1.bin .. data_batch_5.bin and test_batch.bin in cifar-10-batches-bin/;"
                        + " re-extract cifar-10-binary.tar.gz");
            }
        }
        return new Cifar10(read(train, classes), read(List.of(test), classes));
    }

    private static List<Path> concat(List<Path> a, Path b) {
        List<Path> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /** The names in batches.meta.txt; the official ten when the file is absent. */
    private static List<String> classNames(Path dir) {
        Path meta = dir.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return Cifar10.CLASS_NAMES;
        }
        List<String> names;
        try {
            names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new DataException(meta + ": cannot read it (" + e + ")", e);
        }
        if (names.isEmpty() || names.size() > 256) {
            throw new DataException(meta + ": lists " + names.size() + " class names; expected one per"
                    + " line (airplane .. truck); re-extract the binary release");
        }
        return names;
    }

    private static ImageDataset read(List<Path> files, List<String> classes) {
        long total = 0;
        for (Path f : files) {
            total += recordCount(f);
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new DataException(files.get(0).getParent() + ": " + total + " records are more than one"
                    + " Java array can hold; this is not CIFAR-10");
        }
        byte[] pixels = new byte[(int) total * IMAGE_BYTES];
        int[] labels = new int[(int) total];
        int n = 0;
        for (Path f : files) {
            byte[] bytes = readAll(f);
            int records = bytes.length / RECORD_BYTES;
            if (n + records > total) {
                throw new DataException(f + ": grew while it was being read; try again");
            }
            for (int r = 0; r < records; r++, n++) {
                int label = bytes[r * RECORD_BYTES] & 0xFF;
                if (label >= classes.size()) {
                    throw new DataException(String.format("%s: record %,d has label %d, but %s names only %d"
                            + " classes (0..%d): the file is damaged or not CIFAR-10 binary; re-download it",
                            f, r, label, META_FILE, classes.size(), classes.size() - 1));
                }
                labels[n] = label;
                System.arraycopy(bytes, r * RECORD_BYTES + 1, pixels, n * IMAGE_BYTES, IMAGE_BYTES);
            }
        }
        if (n != total) {
            throw new DataException(files.get(0).getParent() + ": the batch files changed while being read; try again");
        }
        return ImageDataset.wrap(pixels, labels, 3, 32, 32, classes);
    }

    private static long recordCount(Path f) {
        try {
            return recordCount(f, Files.size(f));
        } catch (IOException e) {
            throw new DataException(f + ": cannot read its size (" + e + ")", e);
        }
    }

    private static long recordCount(Path f, long size) {
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new DataException(String.format("%s: %,d bytes is not a multiple of %,d (1 label + %,d pixels):"
                    + " the file is truncated or not CIFAR-10 binary; re-download it",
                    f, size, RECORD_BYTES, IMAGE_BYTES));
        }
        return size / RECORD_BYTES;
    }

    private static byte[] readAll(Path f) {
        try {
            byte[] bytes = Files.readAllBytes(f);
            recordCount(f, bytes.length);
            return bytes;
        } catch (IOException e) {
            throw new DataException(f + ": cannot read it (" + e + ")", e);
        }
    }
}
