package org.kdclaims.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Decodes one PNG/JPEG (javax.imageio) into the planar RGB layout of {@link ImageDataset}. */
final class ImageDecoder {
    private ImageDecoder() {
    }

    /** The {height, width} of an encoded image, for a data set whose size is that of its first image. */
    static int[] size(byte[] encoded, String name) {
        BufferedImage image = decode(encoded, name);
        return new int[] {image.getHeight(), image.getWidth()};
    }

    /**
     * Decodes {@code encoded} and writes its R, G and B planes to {@code target} at
     * {@code offset}. {@code name} is used in messages only; {@code reference}, when not null, is the
     * image whose size every image of the data set must have.
     */
    static void decodeRgbInto(byte[] encoded, String name, int height, int width, String reference,
                              byte[] target, int offset) {
        BufferedImage image = decode(encoded, name);
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new DataException(name + ": " + image.getWidth() + "x" + image.getHeight()
                    + " pixels, expected " + width + "x" + height + (reference == null
                            ? " (every image must be " + width + "x" + height + " RGB); resize or remove it"
                            : ", the size of " + reference + " (the first image): every image of a data set"
                                    + " must have one size; resize the images to one size or remove this one"));
        }
        if (image.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_RGB) {
            throw new DataException(name + ": not an RGB image (colour space type "
                    + image.getColorModel().getColorSpace().getType()
                    + ", e.g. greyscale or CMYK); convert it to RGB");
        }
        int plane = height * width;
        if (!copyBgrBytes(image, target, offset, plane)) {
            // Indexed, packed-int or 16-bit images: the slower, general path; alpha is ignored.
            int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
            for (int p = 0; p < plane; p++) {
                int v = argb[p];
                target[offset + p] = (byte) (v >>> 16);
                target[offset + plane + p] = (byte) (v >>> 8);
                target[offset + 2 * plane + p] = (byte) v;
            }
        }
    }

    private static BufferedImage decode(byte[] encoded, String name) {
        BufferedImage image;
        // An in-memory stream: ImageIO.read(InputStream) would go through a temporary file.
        // ImageIO.read closes it (and it holds no native resources when no reader matches).
        try {
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded)));
        } catch (IOException | RuntimeException e) {
            throw new DataException(name + ": cannot decode the image (" + e.getMessage()
                    + "): the file is damaged; replace or remove it", e);
        }
        if (image == null) {
            throw new DataException(name + ": not a PNG or JPEG image that javax.imageio can read"
                    + " (" + encoded.length + " bytes); replace or remove it");
        }
        return image;
    }

    /** Fast path for the usual decoder output (interleaved B,G,R bytes); false if not that. */
    private static boolean copyBgrBytes(BufferedImage image, byte[] target, int offset, int plane) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR
                || !(image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || sm.getPixelStride() != 3 || sm.getScanlineStride() != 3 * image.getWidth()
                || image.getRaster().getSampleModelTranslateX() != 0
                || image.getRaster().getSampleModelTranslateY() != 0) {
            return false;
        }
        int[] bands = sm.getBandOffsets(); // band 0 = R, 1 = G, 2 = B
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int base = ((DataBufferByte) image.getRaster().getDataBuffer()).getOffset();
        for (int p = 0; p < plane; p++) {
            int i = base + 3 * p;
            target[offset + p] = data[i + bands[0]];
            target[offset + plane + p] = data[i + bands[1]];
            target[offset + 2 * plane + p] = data[i + bands[2]];
        }
        return true;
    }
}
