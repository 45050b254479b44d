package org.kdclaims.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the image tree from a {@code .tar.gz} in one sequential pass (entries as in
 * {@link ArchiveEntries}). The encoded images are held in memory (about 52 MB for CIFAR-10) and
 * decoded in parallel afterwards.
 */
final class TarGzImageReader {
    private TarGzImageReader() {
    }

    static Cifar10 read(Path archive) {
        return read(archive, ImageTree.cifar(archive.toString()), "the CIFAR-10 image archive");
    }

    /** Reads the archive into {@code tree}; {@code what} names the expected archive in messages. */
    static Cifar10 read(Path archive, ImageTree tree, String what) {
        ArchiveEntries entries = new ArchiveEntries(archive, tree);
        try (InputStream file = Files.newInputStream(archive);
             InputStream in = new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.add(e.getName(), e.isDirectory(), e.isFile(), e.getSize(), tar::readAllBytes);
            }
        } catch (IOException e) {
            throw new DataException(archive + ": cannot read it as a gzip-compressed tar (" + e
                    + "): the archive is damaged, truncated or not a .tar.gz; re-download it", e);
        }
        return entries.decode(what);
    }
}
