package org.kdclaims.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way this project writes a file: readers see either the old content or the new one,
 * never half of it, and a finished write survives a power cut. A killed test JVM must not leave a
 * truncated result, model or cache entry behind.
 *
 * <p>Steps: write a temporary file in the target's folder (a rename within one file system is
 * atomic), fsync it, move it over the target atomically (a plain replace where the file system
 * cannot move atomically), then fsync the folder so the rename itself is durable (where the
 * platform lets a folder be opened). The temporary file is deleted if any step fails.
 *
 * <p>This lives in {@code org.kdclaims.io}, a package of its own with no dependency on the rest
 * of the project, in the results module that both the framework and the reports depend on, so
 * both use the same code.
 */
public final class AtomicFiles {
    /** Temp files start with a dot and end with this, so readers can skip them. */
    public static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER_BYTES = 1 << 20;

    /** What goes into the file, written as a stream so large files need not be held in memory. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                content.writeTo(keepOpen(out));
                out.flush();
                channel.force(true);
            }
            makeReadable(temp, target);
            moveIntoPlace(temp, target);
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes the rename durable. Windows cannot open a folder as a channel: there the rename is
     * atomic but left to the OS to flush, which is the best that platform offers.
     */
    private static void syncFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: the file is in place, only its durability is up to the OS
        }
    }

    /**
     * Temp files are created owner-only (0600); results and reports are meant to be read by
     * others (CI artifact servers, colleagues), so give them the old file's mode or 0644.
     */
    private static void makeReadable(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }

    /**
     * Content may wrap the stream in a try-with-resources; closing it must not close the channel
     * before it is flushed and forced.
     */
    static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
