package org.kdclaims.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the image tree from a {@code .tar.gz} in one sequential pass: entries are
 * {@code train/<class>/<file>} or {@code <folder>/train/<class>/<file>}. Other top-level entries
 * (a README) are ignored. The encoded images are held in memory (about 52 MB for CIFAR-10) and
 * decoded in parallel afterwards.
 */
final class TarGzImageReader {
    /** A CIFAR image is under 4 KB even as PNG; a huge entry means the wrong archive. */
    private static final long MAX_ENTRY_BYTES = 16L << 20;

    private TarGzImageReader() {
    }

    static Cifar10 read(Path archive) {
        ImageTree tree = new ImageTree(archive.toString(), 32, 32);
        String leading = null;
        int images = 0;
        try (InputStream file = Files.newInputStream(archive);
             InputStream in = new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                List<String> parts = new ArrayList<>(Arrays.stream(e.getName().split("/"))
                        .filter(p -> !p.isEmpty() && !p.equals(".")).toList());
                String prefix = "";
                if (!parts.isEmpty() && !ImageTree.isSplit(parts.get(0))) {
                    if (parts.size() < 2 || !ImageTree.isSplit(parts.get(1))) {
                        continue; // not part of the tree
                    }
                    prefix = parts.remove(0);
                }
                if (parts.size() < 2 || parts.stream().anyMatch(ImageTree::isHidden)) {
                    continue;
                }
                if (leading == null) {
                    leading = prefix;
                } else if (!leading.equals(prefix)) {
                    throw new DataException(archive + ": holds two image trees, under '" + leading
                            + "/' and '" + prefix + "/'; keep one tree per archive");
                }
                String display = archive + "!" + e.getName();
                if (e.isDirectory()) {
                    if (parts.size() == 2) {
                        tree.addClass(parts.get(0), parts.get(1));
                    }
                    continue;
                }
                if (!e.isFile()) {
                    continue; // links and devices are not images
                }
                if (parts.size() != 3) {
                    throw new DataException(display + ": images must sit directly in <split>/<class>/;"
                            + " this entry is nested deeper; repack the archive");
                }
                if (e.getSize() > MAX_ENTRY_BYTES) {
                    throw new DataException(display + ": " + e.getSize() + " bytes is far too large for"
                            + " a 32x32 image; this is not the CIFAR-10 image archive");
                }
                byte[] bytes = tar.readAllBytes();
                tree.addImage(parts.get(0), parts.get(1), parts.get(2), display, () -> bytes);
                images++;
            }
        } catch (IOException e) {
            throw new DataException(archive + ": cannot read it as a gzip-compressed tar (" + e
                    + "): the archive is damaged, truncated or not a .tar.gz; re-download it", e);
        }
        if (images == 0) {
            throw new DataException(archive + ": the archive holds no train/<class>/ or test/<class>/"
                    + " images: it is empty or not the CIFAR-10 image archive; re-download it");
        }
        return tree.decode();
    }
}
