package org.kdclaims.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes 1-channel data sets as the four Fashion-MNIST IDX files, optionally gzip-compressed. */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes {@code train-*-ubyte} and {@code t10k-*-ubyte} into {@code dir}, with ".gz" when {@code gzip}. */
    public static void write(ImageDataset train, ImageDataset test, Path dir, boolean gzip) {
        String suffix = gzip ? ".gz" : "";
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException(dir + ": cannot create the folder (" + e + ")", e);
        }
        writeImages(train, dir.resolve(FashionMnistIdx.TRAIN_IMAGES + suffix), gzip);
        writeLabels(train, dir.resolve(FashionMnistIdx.TRAIN_LABELS + suffix), gzip);
        writeImages(test, dir.resolve(FashionMnistIdx.TEST_IMAGES + suffix), gzip);
        writeLabels(test, dir.resolve(FashionMnistIdx.TEST_LABELS + suffix), gzip);
    }

    /** An idx3-ubyte file: magic 2051, count, rows, columns, pixels. */
    public static void writeImages(ImageDataset d, Path file, boolean gzip) {
        if (d.channels() != 1) {
            throw new DataException("IDX image files hold 1-channel images; this data set has " + d.channels());
        }
        try (DataOutputStream out = open(file, gzip)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(d.size());
            out.writeInt(d.height());
            out.writeInt(d.width());
            out.write(d.rawPixels());
        } catch (IOException e) {
            throw new DataException(file + ": cannot write it (" + e + ")", e);
        }
    }

    /** An idx1-ubyte file: magic 2049, count, one byte per label. */
    public static void writeLabels(ImageDataset d, Path file, boolean gzip) {
        if (d.numClasses() > 256) {
            throw new DataException("IDX label files store labels in one byte: at most 256 classes");
        }
        try (DataOutputStream out = open(file, gzip)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(d.size());
            for (int i = 0; i < d.size(); i++) {
                out.writeByte(d.label(i));
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot write it (" + e + ")", e);
        }
    }

    private static DataOutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return new DataOutputStream(gzip ? new BufferedOutputStream(new GZIPOutputStream(out), 1 << 16) : out);
    }
}
