package org.kdclaims.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads a {@code train/<class>/*.png|jpg}, {@code test/<class>/...} folder tree. */
final class ImageFolderReader {
    private ImageFolderReader() {
    }

    static Cifar10 read(Path root) {
        return read(root, ImageTree.cifar(root.toString()));
    }

    /** Reads the tree at {@code root} into {@code tree}, which decides the image size and classes it accepts. */
    static Cifar10 read(Path root, ImageTree tree) {
        for (String split : List.of(ImageTree.TRAIN, ImageTree.TEST)) {
            Path splitDir = root.resolve(split);
            if (!Files.isDirectory(splitDir)) {
                throw new DataException(root + ": has no " + split + "/ folder; an image tree needs both"
                        + " train/<class>/*.png|*.jpg and test/<class>/*.png|*.jpg");
            }
            for (Path classDir : list(splitDir)) {
                String className = classDir.getFileName().toString();
                // Loose files beside the class folders (a README, a labels.txt) are not images of a class.
                if (ImageTree.isHidden(className) || !Files.isDirectory(classDir)) {
                    continue;
                }
                tree.addClass(split, className);
                for (Path file : list(classDir)) {
                    String fileName = file.getFileName().toString();
                    if (ImageTree.isHidden(fileName)) {
                        continue;
                    }
                    if (Files.isDirectory(file)) {
                        throw new DataException(file + ": a folder inside a class folder; images must sit"
                                + " directly in " + split + "/" + className + "/; move them up");
                    }
                    tree.addImage(split, className, fileName, file.toString(), () -> Files.readAllBytes(file));
                }
            }
        }
        return tree.decode();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list the folder (" + e + "); check its permissions", e);
        }
    }
}
