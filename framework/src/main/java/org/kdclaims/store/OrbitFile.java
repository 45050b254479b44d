package org.kdclaims.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kdclaims.io.AtomicFiles;
import org.kdclaims.io.Crc32cTrailer;
import org.kdclaims.training.TeacherOrbit;

/**
 * One teacher orbit table on disk: magic, format, the table's full key (teacher checkpoint, data,
 * augmentation, views), its dimensions, the feature floats and any attention-map floats, then a
 * CRC32C of everything before. Written atomically ({@link AtomicFiles}); a file whose checksum,
 * magic, format or key does not match is damaged or another table, and is never served.
 */
final class OrbitFile {
    private static final int MAGIC = 0x4B444F31; // "KDO1"
    private static final Crc32cTrailer CHECKSUM = Crc32cTrailer.EIGHT_BYTES;
    private static final int CHUNK_FLOATS = 1 << 16;

    private OrbitFile() {
    }

    static void write(Path file, TeacherOrbit orbit) throws IOException {
        AtomicFiles.write(file, CHECKSUM.after(raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(TeacherOrbit.FORMAT);
            out.writeUTF(orbit.key());
            out.writeInt(orbit.images());
            out.writeInt(orbit.views());
            out.writeInt(orbit.width());
            float[][] maps = orbit.mapArrays();
            out.writeInt(maps == null ? -1 : maps.length);
            if (maps != null) {
                for (float[] m : maps) {
                    out.writeInt(m.length);
                }
            }
            out.flush();
            floats(raw, orbit.features());
            if (maps != null) {
                for (float[] m : maps) {
                    floats(raw, m);
                }
            }
        }));
    }

    /** The table stored under {@code expectedKey}; {@link DamagedOrbitException} for anything else. */
    static TeacherOrbit read(Path file, String expectedKey) throws IOException {
        byte[] all;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            all = in.readAllBytes();
        }
        if (all.length < 24 || !CHECKSUM.matches(all, 0)) {
            throw new DamagedOrbitException(file, "checksum mismatch (truncated or overwritten)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        if (in.readInt() != MAGIC) {
            throw new DamagedOrbitException(file, "not a kd-claims orbit table");
        }
        int format = in.readInt();
        if (format != TeacherOrbit.FORMAT) {
            throw new DamagedOrbitException(file, "format " + format + ", expected " + TeacherOrbit.FORMAT);
        }
        String key = in.readUTF();
        if (!key.equals(expectedKey)) {
            throw new DamagedOrbitException(file, "holds the orbit of " + key + ", expected " + expectedKey);
        }
        int images = in.readInt();
        int views = in.readInt();
        int width = in.readInt();
        int mapCount = in.readInt();
        int[] mapLengths = new int[Math.max(0, mapCount)];
        for (int i = 0; i < mapLengths.length; i++) {
            mapLengths[i] = in.readInt();
        }
        ByteBuffer body = ByteBuffer.wrap(all, all.length - in.available(), in.available() - CHECKSUM.bytes())
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] features = floats(body, (long) images * views * width, file);
        float[][] maps = null;
        if (mapCount >= 0) {
            maps = new float[mapCount][];
            for (int i = 0; i < mapCount; i++) {
                maps[i] = floats(body, mapLengths[i], file);
            }
        }
        if (body.hasRemaining()) {
            throw new DamagedOrbitException(file, body.remaining() + " bytes more than its dimensions say");
        }
        return TeacherOrbit.of(key, images, views, width, features, maps);
    }

    private static void floats(OutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += CHUNK_FLOATS) {
            int n = Math.min(CHUNK_FLOATS, values.length - start);
            buffer.clear();
            buffer.asFloatBuffer().put(values, start, n);
            out.write(buffer.array(), 0, 4 * n);
        }
    }

    private static float[] floats(ByteBuffer body, long count, Path file) throws IOException {
        if (count < 0 || 4 * count > body.remaining()) {
            throw new DamagedOrbitException(file, "shorter than its dimensions say");
        }
        float[] v = new float[(int) count];
        body.asFloatBuffer().get(v);
        body.position(body.position() + 4 * (int) count);
        return v;
    }

    /** A stored table that cannot be used: reported, deleted and computed again. */
    static final class DamagedOrbitException extends IOException {
        DamagedOrbitException(Path file, String problem) {
            super(file + ": damaged orbit table (" + problem + ")");
        }
    }
}
