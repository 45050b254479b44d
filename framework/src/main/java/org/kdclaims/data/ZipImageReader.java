package org.kdclaims.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads the image tree from a {@code .zip} (the JDK's reader), with the entries of {@link ArchiveEntries}. */
final class ZipImageReader {
    private ZipImageReader() {
    }

    static Cifar10 read(Path archive, ImageTree tree, String what) {
        ArchiveEntries entries = new ArchiveEntries(archive, tree);
        int seen = 0;
        try (InputStream file = Files.newInputStream(archive);
             ZipInputStream zip = new ZipInputStream(new BufferedInputStream(file, 1 << 16))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; seen++) {
                entries.add(e.getName(), e.isDirectory(), !e.isDirectory(), e.getSize(), zip::readAllBytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException(archive + ": cannot read it as a zip archive (" + e
                    + "): the archive is damaged, truncated or not a .zip; re-download or repack it", e);
        }
        if (seen == 0) {
            // ZipInputStream reads a file that is not a zip as an empty one: say which it is
            throw new DataException(archive + ": holds no zip entries: it is empty, damaged or not a .zip;"
                    + " re-download or repack it");
        }
        return entries.decode(what);
    }
}
