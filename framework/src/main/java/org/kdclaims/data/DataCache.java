package org.kdclaims.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

import org.kdclaims.io.AtomicFiles;
import org.kdclaims.io.Crc32cTrailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps decoded data sets on disk, so that decoding 60,000 JPEGs happens once per machine and a
 * later load is a plain read (about a second for CIFAR-10).
 *
 * <p>An entry is named by a SHA-256 of the caller's source key (which identifies the source
 * content) and {@link #FORMAT_VERSION}. Layout: magic, version, payload length, payload, CRC32C of
 * the payload ({@link Crc32cTrailer#FOUR_BYTES}). Entries are written with {@link AtomicFiles}, so
 * readers never see half an entry. An entry that fails any check (truncated,
 * flipped bytes, wrong version) is reported at WARNING with its path, deleted and rebuilt: it is
 * never used. The cache only speeds things up: if it cannot be written, the data is still returned.
 */
public final class DataCache {
    /** Bump when the payload layout or a decoder's output changes: old entries are then ignored. */
    public static final int FORMAT_VERSION = 1;
    /**
     * The setting naming the cache folder (default {@code ~/.cache/kd-claims/data}); "off" disables
     * the cache. Read once per session by {@code config.Settings}.
     */
    public static final String DIRECTORY_PROPERTY = "kd.data.cache";

    /** Named after the package, so one logger setting covers every data loader. */
    static final Logger LOG = LoggerFactory.getLogger(DataCache.class.getPackageName());
    private static final long MAGIC = 0x4B44444154413031L; // "KDDATA01"
    private static final int HEADER_BYTES = Long.BYTES + Integer.BYTES + Long.BYTES;
    /** Four bytes: the layout of every cache entry already on disk. */
    private static final Crc32cTrailer CHECKSUM = Crc32cTrailer.FOUR_BYTES;
    private static final int TRAILER_BYTES = CHECKSUM.bytes();

    private final Path directory; // null: disabled

    private DataCache(Path directory) {
        this.directory = directory;
    }

    /** A cache in {@code directory} (created on first write). */
    public static DataCache at(Path directory) {
        return new DataCache(Objects.requireNonNull(directory, "directory").toAbsolutePath());
    }

    /** No cache: every load decodes. */
    public static DataCache disabled() {
        return new DataCache(null);
    }

    /** A cache in {@code directory}, or none when it is empty (the session's {@code Settings.dataCache()}). */
    public static DataCache of(Optional<Path> directory) {
        return directory.map(DataCache::at).orElseGet(DataCache::disabled);
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    public boolean isEnabled() {
        return directory != null;
    }

    /** Where the entry for {@code sourceKey} lives (it may not exist). */
    Path entryFile(String sourceKey) {
        if (directory == null) {
            throw new IllegalStateException("the cache is disabled");
        }
        return directory.resolve("data-" + Hashing.sha256Hex(sourceKey + "|format " + FORMAT_VERSION) + ".kdc");
    }

    /**
     * The data sets stored for {@code sourceKey}, or, when absent or damaged, those from
     * {@code loader}, which are then stored. {@code description} names the source in log lines.
     */
    public List<ImageDataset> getOrLoad(String description, String sourceKey, Supplier<List<ImageDataset>> loader) {
        if (directory != null) {
            Path file = entryFile(sourceKey);
            if (Files.exists(file)) {
                long t0 = System.nanoTime();
                try {
                    List<ImageDataset> cached = read(file);
                    if (LOG.isInfoEnabled()) {
                        LOG.info(String.format(Locale.ROOT, "%s: loaded %,d images from cache %s in %.2f s",
                                description, images(cached), file, seconds(t0)));
                    }
                    return cached;
                } catch (IOException | DataException e) {
                    LOG.warn("data cache entry " + file + " is damaged (" + e.getMessage()
                            + "): deleting it and decoding " + description + " again");
                    deleteQuietly(file);
                }
            }
        }
        long t0 = System.nanoTime();
        List<ImageDataset> loaded = List.copyOf(loader.get());
        double decodeSeconds = seconds(t0);
        String cachedAs = "";
        if (directory != null) {
            Path file = entryFile(sourceKey);
            try {
                write(file, loaded);
                cachedAs = "; cached as " + file;
            } catch (IOException e) {
                LOG.warn("could not write data cache entry " + file + " (" + e
                        + "); the data is fine, but the next load will decode again");
            }
        }
        if (LOG.isInfoEnabled()) {
            LOG.info(String.format(Locale.ROOT, "%s: decoded %,d images in %.2f s%s",
                    description, images(loaded), decodeSeconds, cachedAs));
        }
        return loaded;
    }

    private static long images(List<ImageDataset> sets) {
        return sets.stream().mapToLong(ImageDataset::size).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete damaged data cache entry " + file + "; delete it by hand", e);
        }
    }

    // ---- writing

    static void write(Path file, List<ImageDataset> sets) throws IOException {
        Files.createDirectories(file.getParent());
        List<byte[]> metas = new ArrayList<>();
        long payload = Integer.BYTES;
        for (ImageDataset d : sets) {
            byte[] meta = meta(d);
            metas.add(meta);
            payload += meta.length + (long) Integer.BYTES * d.size() + d.rawPixels().length;
        }
        long payloadBytes = payload;
        AtomicFiles.write(file, CHECKSUM.around(out -> {
            DataOutputStream header = new DataOutputStream(out);
            header.writeLong(MAGIC);
            header.writeInt(FORMAT_VERSION);
            header.writeLong(payloadBytes);
            header.flush();
        }, out -> {
            DataOutputStream body = new DataOutputStream(out);
            body.writeInt(sets.size());
            for (int i = 0; i < sets.size(); i++) {
                ImageDataset d = sets.get(i);
                body.write(metas.get(i));
                ByteBuffer labels = ByteBuffer.allocate(Integer.BYTES * d.size());
                for (int k = 0; k < d.size(); k++) {
                    labels.putInt(d.label(k));
                }
                body.write(labels.array());
                body.write(d.rawPixels());
            }
            body.flush();
        }));
    }

    private static byte[] meta(ImageDataset d) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(d.size());
        out.writeInt(d.channels());
        out.writeInt(d.height());
        out.writeInt(d.width());
        out.writeInt(d.numClasses());
        for (String name : d.classNames()) {
            out.writeUTF(name);
        }
        return bytes.toByteArray();
    }

    // ---- reading

    /** Reads and checks an entry; any inconsistency is an IOException or a DataException. */
    static List<ImageDataset> read(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            DataInputStream header = new DataInputStream(in);
            if (fileSize < HEADER_BYTES + TRAILER_BYTES || header.readLong() != MAGIC) {
                throw new IOException("not a data cache entry (bad magic or too short)");
            }
            int version = header.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("format version " + version + ", expected " + FORMAT_VERSION);
            }
            long payload = header.readLong();
            if (payload < 0 || fileSize != HEADER_BYTES + payload + TRAILER_BYTES) {
                throw new IOException(String.format("%,d bytes, but the header promises %,d: truncated",
                        fileSize, HEADER_BYTES + payload + TRAILER_BYTES));
            }
            CountingInputStream counted = new CountingInputStream(in);
            CRC32C crc = new CRC32C();
            DataInputStream body = new DataInputStream(new CheckedInputStream(counted, crc));
            int count = body.readInt();
            if (count < 0 || count > 64) {
                throw new IOException("implausible data set count " + count);
            }
            List<ImageDataset> sets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sets.add(readDataset(body, payload));
            }
            if (counted.count != payload) {
                throw new IOException("payload is " + counted.count + " bytes, header says " + payload);
            }
            long stored = CHECKSUM.read(header);
            if (stored != crc.getValue()) {
                throw new IOException("checksum mismatch (CRC32C stored " + Long.toHexString(stored)
                        + ", computed " + Long.toHexString(crc.getValue()) + ")");
            }
            return List.copyOf(sets);
        } catch (EOFException e) {
            throw new IOException("ends early: truncated", e);
        }
    }

    private static ImageDataset readDataset(DataInputStream in, long payload) throws IOException {
        int n = in.readInt();
        int c = in.readInt();
        int h = in.readInt();
        int w = in.readInt();
        int classes = in.readInt();
        // Sizes are checked against the payload before allocating, so flipped bits cannot ask for 16 GB.
        long pixelBytes = (long) n * c * h * w;
        if (n < 0 || c <= 0 || h <= 0 || w <= 0 || classes <= 0 || classes > 65_536
                || pixelBytes + 4L * n > payload || pixelBytes > Integer.MAX_VALUE - 8) {
            throw new IOException("implausible shape " + n + "x" + c + "x" + h + "x" + w + ", " + classes + " classes");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(in.readUTF());
        }
        byte[] labelBytes = new byte[Integer.BYTES * n];
        in.readFully(labelBytes);
        int[] labels = new int[n];
        ByteBuffer.wrap(labelBytes).asIntBuffer().get(labels);
        byte[] pixels = new byte[(int) pixelBytes];
        in.readFully(pixels);
        return ImageDataset.wrap(pixels, labels, c, h, w, names);
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    @Override
    public String toString() {
        return directory == null ? "DataCache[disabled]" : "DataCache[" + directory + "]";
    }
}
