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
 * Works out which format a data set's path holds, and a cache key for its content: CIFAR-10's
 * binary release, an image tree, or that tree in a {@code .tar.gz} or {@code .zip}. Precedence
 * inside a folder: binary release (CIFAR-10 only), then image tree, then a single archive, so that
 * the exact official pixels win over a lossy JPEG copy when both are present.
 *
 * @param name the data set in messages, "CIFAR-10" or the user's setting
 * @param setting the setting that names the location, for the "point at the one you mean" fix
 * @param howToProvide the fix when nothing usable is there
 */
record SourceLocation(Format format, Path path, boolean cifar, String name, String setting, String howToProvide) {
    static final String BINARY_FOLDER = "cifar-10-batches-bin";

    enum Format { BINARY, IMAGE_TREE, TAR_GZ, ZIP }

    /** CIFAR-10 at {@code location}, in any of its formats. */
    static SourceLocation resolve(Path location) {
        return resolve(location, true, "CIFAR-10", DataLocations.CIFAR_PROPERTY, DataLocations.howToProvideCifar10());
    }

    /** A user's image-folder data set named by {@code setting}: a tree, a .tar.gz or a .zip of it. */
    static SourceLocation imageFolder(Path location, String setting) {
        return resolve(location, false, "the image-folder data set " + setting, setting,
                DataLocations.howToProvideImageFolder(setting));
    }

    private static SourceLocation resolve(Path location, boolean cifar, String name, String setting, String fix) {
        if (!Files.exists(location)) {
            throw new DataException(name + " not found: " + location + " does not exist. " + fix);
        }
        if (Files.isRegularFile(location)) {
            if (isTarGz(location) || isZip(location)) {
                return new SourceLocation(isZip(location) ? Format.ZIP : Format.TAR_GZ, location, cifar, name, setting, fix);
            }
            throw new DataException(location + ": not a .tar.gz or .zip; " + name + " is read from "
                    + (cifar ? "the binary release folder, " : "") + "an image tree folder, or a .tar.gz or .zip"
                    + " of the image tree. " + fix);
        }
        if (cifar && isBinaryFolder(location)) {
            return new SourceLocation(Format.BINARY, location, true, name, setting, fix);
        }
        if (cifar && Files.isDirectory(location.resolve(BINARY_FOLDER))) {
            return new SourceLocation(Format.BINARY, location.resolve(BINARY_FOLDER), true, name, setting, fix);
        }
        if (Files.isDirectory(location.resolve(ImageTree.TRAIN)) || Files.isDirectory(location.resolve(ImageTree.TEST))) {
            return new SourceLocation(Format.IMAGE_TREE, location, cifar, name, setting, fix);
        }
        List<Path> archives = list(location).stream().filter(Files::isRegularFile)
                .filter(p -> isTarGz(p) || isZip(p)).toList();
        if (archives.size() == 1) {
            Path a = archives.get(0);
            return new SourceLocation(isZip(a) ? Format.ZIP : Format.TAR_GZ, a, cifar, name, setting, fix);
        }
        if (archives.size() > 1) {
            throw new DataException(location + ": holds " + archives.size() + " archives "
                    + archives.stream().map(p -> p.getFileName().toString()).toList()
                    + "; point at the one you mean (-D" + setting + "=/path/to/file.tar.gz)");
        }
        throw new DataException(location + ": holds no " + name + " data: expected "
                + (cifar ? "data_batch_1.bin .., a " + BINARY_FOLDER + "/ folder, " : "")
                + "train/ and test/ image folders, or one .tar.gz or .zip. " + fix);
    }

    private static boolean isBinaryFolder(Path dir) {
        return CifarBinaryReader.fileNames().stream().anyMatch(f -> Files.exists(dir.resolve(f)));
    }

    static boolean isTarGz(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    static boolean isZip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Both splits, decoded; CIFAR-10's trees must be 32x32 with the official classes, a user's any one size. */
    Cifar10 read() {
        ImageTree tree = cifar ? ImageTree.cifar(path.toString()) : ImageTree.anySize(path.toString());
        String what = cifar ? "the CIFAR-10 image archive" : "an image-folder archive (train|test/<class>/*.png|*.jpg)";
        return switch (format) {
            case BINARY -> CifarBinaryReader.read(path);
            case IMAGE_TREE -> ImageFolderReader.read(path, tree);
            case TAR_GZ -> TarGzImageReader.read(path, tree, what);
            case ZIP -> ZipImageReader.read(path, tree, what);
        };
    }

    /**
     * Identifies the content: an archive by the SHA-256 of its bytes (about 0.1 s for CIFAR-10);
     * folders by relative path, size and modification time of every file, since hashing 60,000
     * files would cost as much as decoding them.
     */
    String sourceKey() {
        String content = switch (format) {
            case TAR_GZ, ZIP -> Hashing.sha256Hex(path);
            case BINARY -> listingDigest(CifarBinaryReader.fileNames().stream().map(path::resolve).filter(Files::exists).toList());
            case IMAGE_TREE -> listingDigest(walk(path.resolve(ImageTree.TRAIN), path.resolve(ImageTree.TEST)));
        };
        return (cifar ? "cifar10|" : "imagefolder|") + format + "|" + content;
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
        return format.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("zip", ".zip") + " " + path;
    }
}
