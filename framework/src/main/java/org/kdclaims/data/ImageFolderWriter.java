package org.kdclaims.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes the image tree {@code train/<class>/NNNN.<ext>}, {@code test/<class>/NNNN.<ext>} to a
 * folder or a {@code .tar.gz}. NNNN numbers the images of a class in data set order, zero-padded,
 * so that reading sorts them back into the same order. Use png for exact round trips: jpg is lossy.
 */
public final class ImageFolderWriter {
    private ImageFolderWriter() {
    }

    public static void write(Cifar10 data, Path dir, String ext) {
        write(data.train(), data.test(), dir, ext);
    }

    /** Writes both splits under {@code dir} (created if needed), one folder per class. */
    public static void write(ImageDataset train, ImageDataset test, Path dir, String ext) {
        String e = ImageEncoder.checkExtension(ext);
        new Cifar10(train, test); // same classes and shape
        try {
            for (Split s : splits(train, test)) {
                for (String c : s.data().classNames()) {
                    Files.createDirectories(dir.resolve(s.name()).resolve(c));
                }
                String[] names = fileNames(s.name(), s.data(), e);
                for (int i = 0; i < s.data().size(); i++) {
                    Files.write(dir.resolve(names[i]), ImageEncoder.encode(s.data(), i, e));
                }
            }
        } catch (IOException ex) {
            throw new DataException(dir + ": cannot write the image tree (" + ex + ")", ex);
        }
    }

    public static void writeTarGz(Cifar10 data, Path archive, String ext) {
        writeTarGz(data.train(), data.test(), archive, ext, "");
    }

    public static void writeTarGz(ImageDataset train, ImageDataset test, Path archive, String ext) {
        writeTarGz(train, test, archive, ext, "");
    }

    /**
     * Writes the tree as a gzip-compressed tar, entries sorted like the shared CIFAR-10 archive,
     * under {@code leadingFolder}/ when that is not empty.
     */
    public static void writeTarGz(ImageDataset train, ImageDataset test, Path archive, String ext, String leadingFolder) {
        String e = ImageEncoder.checkExtension(ext);
        new Cifar10(train, test);
        String prefix = leadingFolder.isEmpty() ? "" : leadingFolder + "/";
        try {
            if (archive.getParent() != null) {
                Files.createDirectories(archive.getParent());
            }
            try (OutputStream file = Files.newOutputStream(archive);
                 OutputStream gzip = new BufferedOutputStream(new GZIPOutputStream(file, 1 << 16), 1 << 16)) {
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                if (!prefix.isEmpty()) {
                    directory(tar, prefix);
                }
                for (Split s : splits(train, test)) {
                    directory(tar, prefix + s.name() + "/");
                    String[] names = fileNames(s.name(), s.data(), e);
                    // Encode in parallel, write in order.
                    byte[][] encoded = IntStream.range(0, s.data().size()).parallel()
                            .mapToObj(i -> ImageEncoder.encode(s.data(), i, e)).toArray(byte[][]::new);
                    for (int label = 0; label < s.data().numClasses(); label++) {
                        directory(tar, prefix + s.name() + "/" + s.data().classNames().get(label) + "/");
                        for (int i = 0; i < s.data().size(); i++) {
                            if (s.data().label(i) == label) {
                                file(tar, prefix + names[i], encoded[i]);
                            }
                        }
                    }
                }
                tar.finish();
            }
        } catch (IOException ex) {
            throw new DataException(archive + ": cannot write the archive (" + ex + ")", ex);
        }
    }

    private record Split(String name, ImageDataset data) {
    }

    private static List<Split> splits(ImageDataset train, ImageDataset test) {
        return List.of(new Split(ImageTree.TRAIN, train), new Split(ImageTree.TEST, test));
    }

    /** {@code <split>/<class>/NNNN.<ext>} for every image, numbered within its class. */
    private static String[] fileNames(String split, ImageDataset d, String ext) {
        int[] counts = d.classCounts();
        int digits = Math.max(4, String.valueOf(IntStream.of(counts).max().orElse(0)).length());
        int[] next = new int[d.numClasses()];
        String[] names = new String[d.size()];
        for (int i = 0; i < d.size(); i++) {
            int label = d.label(i);
            names[i] = split + "/" + d.classNames().get(label) + "/" + String.format("%0" + digits + "d", next[label]++) + "." + ext;
        }
        return names;
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
