package org.kdclaims.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Works out which of the three CIFAR-10 formats a path holds, and a cache key for its content.
 * Precedence inside a folder: binary release, then image tree, then a single archive, so that the
 * exact official pixels win over a lossy JPEG copy when both are present.
 */
record CifarLocation(Format format, Path path) {
    static final String BINARY_FOLDER = "cifar-10-batches-bin";

    enum Format { BINARY, IMAGE_TREE, TAR_GZ }

    static CifarLocation resolve(Path location) {
        if (!Files.exists(location)) {
            throw new DataException("CIFAR-10 not found: " + location + " does not exist. "
                    + DataLocations.howToProvideCifar10());
        }
        if (Files.isRegularFile(location)) {
            if (isTarGz(location)) {
                return new CifarLocation(Format.TAR_GZ, location);
            }
            throw new DataException(location + ": not a .tar.gz; CIFAR-10 is read from the binary release"
                    + " folder, an image tree folder, or a .tar.gz of the image tree. "
                    + DataLocations.howToProvideCifar10());
        }
        if (isBinaryFolder(location)) {
            return new CifarLocation(Format.BINARY, location);
        }
        if (Files.isDirectory(location.resolve(BINARY_FOLDER))) {
            return new CifarLocation(Format.BINARY, location.resolve(BINARY_FOLDER));
        }
        if (Files.isDirectory(location.resolve(ImageTree.TRAIN)) || Files.isDirectory(location.resolve(ImageTree.TEST))) {
            return new CifarLocation(Format.IMAGE_TREE, location);
        }
        List<Path> archives = list(location).stream().filter(Files::isRegularFile).filter(CifarLocation::isTarGz).toList();
        if (archives.size() == 1) {
            return new CifarLocation(Format.TAR_GZ, archives.get(0));
        }
        if (archives.size() > 1) {
            throw new DataException(location + ": holds " + archives.size() + " archives "
                    + archives.stream().map(p -> p.getFileName().toString()).toList()
                    + "; point at the one you mean (-Dkd.cifar=/path/to/file.tar.gz)");
        }
        throw new DataException(location + ": holds no CIFAR-10 data: expected data_batch_1.bin ..,"
                + " a " + BINARY_FOLDER + "/ folder, train/ and test/ image folders, or one .tar.gz. "
                + DataLocations.howToProvideCifar10());
    }

    private static boolean isBinaryFolder(Path dir) {
        return CifarBinaryReader.fileNames().stream().anyMatch(f -> Files.exists(dir.resolve(f)));
    }

    static boolean isTarGz(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    Cifar10 read() {
        return switch (format) {
            case BINARY -> CifarBinaryReader.read(path);
            case IMAGE_TREE -> ImageFolderReader.read(path);
            case TAR_GZ -> TarGzImageReader.read(path);
        };
    }

    /**
     * Identifies the content: an archive by the SHA-256 of its bytes (about 0.1 s for CIFAR-10);
     * folders by relative path, size and modification time of every file, since hashing 60,000
     * files would cost as much as decoding them.
     */
    String sourceKey() {
        String content = switch (format) {
            case TAR_GZ -> Hashing.sha256Hex(path);
            case BINARY -> listingDigest(CifarBinaryReader.fileNames().stream().map(path::resolve).filter(Files::exists).toList());
            case IMAGE_TREE -> listingDigest(walk(path.resolve(ImageTree.TRAIN), path.resolve(ImageTree.TEST)));
        };
        return "cifar10|" + format + "|" + content;
    }

    private String listingDigest(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                sb.append(path.relativize(f)).append('\t').append(a.size()).append('\t')
                        .append(a.lastModifiedTime().toMillis()).append('\n');
            } catch (IOException e) {
                throw new DataException(f + ": cannot read its attributes (" + e + ")", e);
            }
        }
        return Hashing.sha256Hex(sb.toString());
    }

    private static List<Path> walk(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new DataException(root + ": cannot list the folder (" + e + ")", e);
            }
        }
        return files;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list the folder (" + e + "); check its permissions", e);
        }
    }

    @Override
    public String toString() {
        return format.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + path;
    }
}
