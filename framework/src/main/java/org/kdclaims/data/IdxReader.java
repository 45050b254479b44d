package org.kdclaims.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format): a big-endian magic number (2051 for
 * images, 2049 for labels), the counts, then unsigned bytes. Gzip is recognised by its content,
 * not its name, so a renamed file still reads.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;

    record Images(int count, int rows, int columns, byte[] pixels) {
    }

    private IdxReader() {
    }

    static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "images (idx3)");
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            long bytes = (long) count * rows * columns;
            if (count < 0 || rows <= 0 || columns <= 0 || bytes > Integer.MAX_VALUE - 8) {
                throw new DataException(file + ": the header declares " + count + " images of " + rows + "x"
                        + columns + ", which is not valid: the file is damaged; re-download it");
            }
            byte[] pixels = readBody(file, in, (int) bytes, count + " images of " + rows + "x" + columns);
            return new Images(count, rows, columns, pixels);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC, "labels (idx1)");
            int count = in.readInt();
            if (count < 0) {
                throw new DataException(file + ": the header declares " + count + " labels: the file is"
                        + " damaged; re-download it");
            }
            return readBody(file, in, count, count + " labels");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzip) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return new DataInputStream(in);
    }

    private static void checkMagic(Path file, int magic, int expected, String what) {
        if (magic != expected) {
            throw new DataException(file + ": magic number " + magic + ", expected " + expected + " for IDX "
                    + what + ": this is not the file its name says, or it is damaged; re-download it");
        }
    }

    private static byte[] readBody(Path file, DataInputStream in, int length, String what) throws IOException {
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new DataException(file + ": the header declares " + what + " but the file ends early:"
                    + " it is truncated; re-download it", e);
        }
        if (in.read() != -1) {
            throw new DataException(file + ": has bytes after the " + what + " its header declares:"
                    + " it is damaged or not IDX; re-download it");
        }
        return body;
    }

    private static DataException unreadable(Path file, IOException e) {
        return new DataException(file + ": cannot read it as an IDX file (" + e + "): it is damaged or"
                + " truncated; re-download it", e);
    }
}
