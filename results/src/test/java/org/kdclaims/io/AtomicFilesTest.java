package org.kdclaims.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesLeavingNoTempFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub").resolve("a.json");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second");
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(names(target.getParent())).containsExactly("a.json");
    }

    @Test
    void newFilesAreReadableByOthers(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.write(target, "x");
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void failedWriteKeepsTheOldFileAndRemovesTheTempFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.bin");
        AtomicFiles.write(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new UncheckedIOException(new IOException("disk full"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("a.bin");
    }

    @Test
    void contentMayCloseTheStreamItWasGiven(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("closed.bin");
        AtomicFiles.write(target, out -> {
            try (out) {
                out.write("whole".getBytes(StandardCharsets.UTF_8));
            }
        });
        assertThat(Files.readString(target)).isEqualTo("whole");
    }

    @Test
    void trailersKeepTheirOnDiskLayout(@TempDir Path dir) throws IOException {
        byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        for (Crc32cTrailer trailer : Crc32cTrailer.values()) {
            Path file = dir.resolve(trailer.name());
            AtomicFiles.write(file, trailer.around(out -> out.write(new byte[] {9, 9}), out -> out.write(payload)));
            byte[] all = Files.readAllBytes(file);
            assertThat(all).hasSize(2 + payload.length + trailer.bytes());
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 2 + payload.length, trailer.bytes()));
            assertThat(trailer.read(in)).isEqualTo(crc.getValue());
            assertThat(trailer.matches(all, 2)).isTrue();
        }
    }

    @Test
    void damagedChecksumIsDetected(@TempDir Path dir) throws IOException {
        for (Crc32cTrailer trailer : Crc32cTrailer.values()) {
            Path file = dir.resolve(trailer.name());
            AtomicFiles.write(file, trailer.after(out -> out.write("some model".getBytes(StandardCharsets.UTF_8))));
            byte[] all = Files.readAllBytes(file);
            assertThat(trailer.matches(all, 0)).isTrue();
            byte[] flipped = all.clone();
            flipped[3] ^= 0x10;
            assertThat(trailer.matches(flipped, 0)).as("flipped payload bit").isFalse();
            byte[] badTrailer = all.clone();
            badTrailer[all.length - 1] ^= 0x01;
            assertThat(trailer.matches(badTrailer, 0)).as("flipped checksum bit").isFalse();
            assertThat(trailer.matches(new byte[trailer.bytes() - 1], 0)).as("too short").isFalse();
        }
    }
}
