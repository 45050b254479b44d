package org.kdclaims.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal tar reader and writer (POSIX ustar, plus GNU long names and PAX paths when reading).
 *
 * <p>Why not commons-compress: its 1.27 tar streams need commons-io 2.16+, but DL4J puts
 * commons-io 2.7 on the class path, so {@code TarArchiveInputStream} fails with
 * NoClassDefFoundError at run time. Image trees only need regular files and folders.
 */
final class Tar {
    private static final int BLOCK = 512;
    private static final int RECORD = 20 * BLOCK;

    private Tar() {
    }

    /** One entry: its path, whether it is a folder or a regular file, and its size. */
    record Entry(String name, boolean directory, boolean file, long size) {
    }

    /** Reads entries one by one; {@link #read()} returns the current file's bytes. */
    static final class Reader {
        private final InputStream in;
        private final byte[] header = new byte[BLOCK];
        private long remaining; // bytes of the current entry not yet read
        private long padding;
        private long offset;

        Reader(InputStream in) {
            this.in = in;
        }

        /** The next entry, or null at the end of the archive. */
        Entry next() throws IOException {
            String longName = null;
            while (true) {
                skip(remaining + padding); // the rest of the previous entry
                if (!readHeader()) {
                    return null;
                }
                char type = (char) header[156];
                long size = parseNumber(header, 124, 12);
                String name = longName != null ? longName : headerName();
                longName = null;
                begin(size);
                switch (type) {
                    case 'L' -> longName = cString(read(), 0, (int) size); // GNU: the next entry's name
                    case 'x' -> longName = paxPath(read());                // PAX: may carry the next path
                    case 'g', 'K' -> { } // global PAX, GNU long link: nothing needed, skipped above
                    default -> {
                        boolean directory = type == '5' || (name.endsWith("/") && (type == '0' || type == 0));
                        boolean file = !directory && (type == '0' || type == 0 || type == '7');
                        return new Entry(name, directory, file, size);
                    }
                }
            }
        }

        /** The whole content of the current entry. */
        byte[] read() throws IOException {
            if (remaining > Integer.MAX_VALUE - 8) {
                throw new IOException("entry of " + remaining + " bytes is too large");
            }
            byte[] data = in.readNBytes((int) remaining);
            if (data.length != remaining) {
                throw new EOFException("the archive ends inside an entry (at byte " + offset + ")");
            }
            offset += remaining;
            remaining = 0;
            return data;
        }

        private void begin(long size) {
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
        }

        private boolean readHeader() throws IOException {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0) {
                return false; // end without the two zero blocks: tolerated, like GNU tar
            }
            if (n < BLOCK) {
                throw new EOFException("the archive ends inside a header (at byte " + offset + ")");
            }
            offset += BLOCK;
            if (isZero(header)) {
                return false;
            }
            long stored = parseNumber(header, 148, 8);
            long sum = 0;
            for (int i = 0; i < BLOCK; i++) {
                sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xFF;
            }
            if (stored != sum) {
                throw new IOException("bad tar header checksum at byte " + (offset - BLOCK) + ": not a tar archive, or damaged");
            }
            return true;
        }

        private String headerName() {
            String name = cString(header, 0, 100);
            boolean ustar = header[257] == 'u' && header[262] == 0; // POSIX "ustar\0"; GNU uses that area otherwise
            String prefix = ustar ? cString(header, 345, 155) : "";
            return prefix.isEmpty() ? name : prefix + "/" + name;
        }

        private void skip(long n) throws IOException {
            in.skipNBytes(n);
            offset += n;
            remaining = 0;
            padding = 0;
        }
    }

    /** Writes ustar entries; {@link #finish()} ends the archive but does not close the stream. */
    static final class Writer {
        private final OutputStream out;
        private long written;

        Writer(OutputStream out) {
            this.out = out;
        }

        void directory(String name) throws IOException {
            header(name.endsWith("/") ? name : name + "/", '5', 0, 0755);
        }

        void file(String name, byte[] data) throws IOException {
            header(name, '0', data.length, 0644);
            out.write(data);
            pad(data.length);
        }

        void finish() throws IOException {
            out.write(new byte[2 * BLOCK]);
            written += 2 * BLOCK;
            int tail = (int) ((RECORD - written % RECORD) % RECORD);
            out.write(new byte[tail]);
            written += tail;
        }

        private void header(String name, char type, long size, int mode) throws IOException {
            byte[] h = new byte[BLOCK];
            String prefix = "";
            String rest = name;
            if (utf8Length(name) > 100) {
                // ustar: split at the first '/' that leaves a name <= 100 and a prefix <= 155 bytes
                int cut = name.indexOf('/');
                while (cut > 0 && utf8Length(name.substring(cut + 1)) > 100) {
                    cut = name.indexOf('/', cut + 1);
                }
                if (cut <= 0 || utf8Length(name.substring(0, cut)) > 155) {
                    throw new IOException("path too long for a ustar archive: " + name);
                }
                prefix = name.substring(0, cut);
                rest = name.substring(cut + 1);
            }
            put(h, 0, rest.getBytes(StandardCharsets.UTF_8));
            put(h, 100, octal(mode, 8));
            put(h, 108, octal(0, 8));
            put(h, 116, octal(0, 8));
            put(h, 124, octal(size, 12));
            put(h, 136, octal(0, 12)); // mtime 0: identical input gives an identical archive
            h[156] = (byte) type;
            put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
            put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
            put(h, 345, prefix.getBytes(StandardCharsets.UTF_8));
            Arrays.fill(h, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xFF;
            }
            put(h, 148, octal(sum, 7)); // six digits, NUL, then the space already there
            out.write(h);
            written += BLOCK;
        }

        private void pad(long size) throws IOException {
            int p = (int) ((BLOCK - size % BLOCK) % BLOCK);
            out.write(new byte[p]);
            written += size + p;
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void put(byte[] target, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** Zero-padded octal digits followed by NUL, {@code width} bytes in all. */
    private static byte[] octal(long value, int width) {
        String digits = Long.toOctalString(value);
        if (digits.length() > width - 1) {
            throw new IllegalArgumentException(value + " does not fit a " + width + "-byte tar field");
        }
        return ("0".repeat(width - 1 - digits.length()) + digits + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** Octal (space/NUL terminated) or GNU base-256 (high bit set). */
    private static long parseNumber(byte[] h, int offset, int length) throws IOException {
        if ((h[offset] & 0x80) != 0) {
            long v = h[offset] & 0x7F;
            for (int i = 1; i < length; i++) {
                v = (v << 8) | (h[offset + i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] != ' ' && h[i] != 0; i++) {
            if (h[i] < '0' || h[i] > '7') {
                throw new IOException("bad number in a tar header: not a tar archive, or damaged");
            }
            v = v * 8 + (h[i] - '0');
        }
        return v;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The "path" record of a PAX header ("<len> path=<value>\n" records), or null. */
    private static String paxPath(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
