package org.kdclaims.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of one archive ({@code .tar.gz} or {@code .zip}) added to an {@link ImageTree}: an
 * entry is {@code train/<class>/<file>} or {@code <folder>/train/<class>/<file>}; other top-level
 * entries (a README) are ignored. One class for both formats, so they accept the same archives.
 */
final class ArchiveEntries {
    /** Far larger than any image a small claim trains on; a huge entry means the wrong archive. */
    private static final long MAX_ENTRY_BYTES = 16L << 20;

    /** The bytes of the entry being added, read only when it is an image. */
    interface Content {
        byte[] read() throws IOException;
    }

    private final Path archive;
    private final ImageTree tree;
    private String leading;
    private int images;

    ArchiveEntries(Path archive, ImageTree tree) {
        this.archive = archive;
        this.tree = tree;
    }

    void add(String name, boolean directory, boolean regularFile, long size, Content content) throws IOException {
        List<String> parts = new ArrayList<>(Arrays.stream(name.split("/"))
                .filter(p -> !p.isEmpty() && !p.equals(".")).toList());
        String prefix = "";
        if (!parts.isEmpty() && !ImageTree.isSplit(parts.get(0))) {
            if (parts.size() < 2 || !ImageTree.isSplit(parts.get(1))) {
                return; // not part of the tree
            }
            prefix = parts.remove(0);
        }
        if (parts.size() < 2 || parts.stream().anyMatch(ImageTree::isHidden)) {
            return;
        }
        if (leading == null) {
            leading = prefix;
        } else if (!leading.equals(prefix)) {
            throw new DataException(archive + ": holds two image trees, under '" + leading
                    + "/' and '" + prefix + "/'; keep one tree per archive");
        }
        String display = archive + "!" + name;
        if (directory) {
            if (parts.size() == 2) {
                tree.addClass(parts.get(0), parts.get(1));
            }
            return;
        }
        if (!regularFile) {
            return; // links and devices are not images
        }
        if (parts.size() != 3) {
            throw new DataException(display + ": images must sit directly in <split>/<class>/;"
                    + " this entry is nested deeper; repack the archive");
        }
        if (size > MAX_ENTRY_BYTES) {
            throw new DataException(display + ": " + size + " bytes is far too large for an image of a small"
                    + " data set; this is not an image-folder archive (train|test/<class>/*.png|*.jpg)");
        }
        ImageTree.requireImageName(parts.get(2), display); // before reading what may be a huge file
        byte[] bytes = content.read();
        tree.addImage(parts.get(0), parts.get(1), parts.get(2), display, () -> bytes);
        images++;
    }

    /** Decodes the tree; an archive without a single image is an error that says so. */
    Cifar10 decode(String what) {
        if (images == 0) {
            throw new DataException(archive + ": the archive holds no train/<class>/ or test/<class>/"
                    + " images: it is empty or not " + what + "; re-download or repack it");
        }
        return tree.decode();
    }
}
