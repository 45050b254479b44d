package org.kdclaims.io;

import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The checksum frame of the binary stores: an optional header, a payload, then the CRC32C of the
 * payload, big-endian. A reader that recomputes the CRC32C knows a file is whole before it
 * trusts a byte of it.
 *
 * <p>Two widths are on disk and both must stay readable: data cache entries store the 32-bit
 * value in four bytes, model files store it widened to eight.
 */
public enum Crc32cTrailer {
    /** The data cache's layout: the CRC32C as an int. */
    FOUR_BYTES(Integer.BYTES),
    /** The model store's layout: the CRC32C as a long. */
    EIGHT_BYTES(Long.BYTES);

    private final int bytes;

    Crc32cTrailer(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** {@code payload} followed by its checksum. */
    public AtomicFiles.Content after(AtomicFiles.Content payload) {
        return around(out -> { }, payload);
    }

    /** {@code header} (not checksummed), then {@code payload}, then the checksum of the payload. */
    public AtomicFiles.Content around(AtomicFiles.Content header, AtomicFiles.Content payload) {
        return out -> {
            header.writeTo(AtomicFiles.keepOpen(out));
            CRC32C crc = new CRC32C();
            OutputStream checked = new CheckedOutputStream(AtomicFiles.keepOpen(out), crc);
            payload.writeTo(checked);
            checked.flush();
            write(out, crc.getValue());
        };
    }

    private void write(OutputStream out, long crc) throws IOException {
        DataOutputStream data = new DataOutputStream(AtomicFiles.keepOpen(out));
        if (this == FOUR_BYTES) {
            data.writeInt((int) crc);
        } else {
            data.writeLong(crc);
        }
        data.flush();
    }

    /** Reads a stored checksum, as the unsigned value {@link CRC32C#getValue()} returns. */
    public long read(DataInput in) throws IOException {
        return this == FOUR_BYTES ? Integer.toUnsignedLong(in.readInt()) : in.readLong();
    }

    /** Whether {@code file[from, length - bytes)} matches the checksum in its last {@link #bytes()} bytes. */
    public boolean matches(byte[] file, int from) {
        int end = file.length - bytes;
        if (end < from) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(file, from, end - from);
        ByteBuffer trailer = ByteBuffer.wrap(file, end, bytes);
        long stored = this == FOUR_BYTES ? Integer.toUnsignedLong(trailer.getInt()) : trailer.getLong();
        return stored == crc.getValue();
    }
}
