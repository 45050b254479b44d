package org.kdclaims.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes one planar RGB image of an {@link ImageDataset} as PNG or JPEG (javax.imageio). */
final class ImageEncoder {
    private ImageEncoder() {
    }

    /** "png", "jpg" or "jpeg" (lower-cased); anything else is refused. */
    static String checkExtension(String ext) {
        String e = ext.toLowerCase(Locale.ROOT);
        if (!e.equals("png") && !e.equals("jpg") && !e.equals("jpeg")) {
            throw new DataException("cannot write ." + ext + " images: use png (lossless) or jpg");
        }
        return e;
    }

    static byte[] encode(ImageDataset d, int index, String ext) {
        if (d.channels() != 3) {
            throw new DataException("image files are written from 3-channel (RGB) data only, this has "
                    + d.channels() + " channels");
        }
        int h = d.height();
        int w = d.width();
        int plane = h * w;
        byte[] p = d.rawPixels();
        int base = index * d.imageBytes();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (p[base + i] & 0xFF) << 16 | (p[base + plane + i] & 0xFF) << 8 | (p[base + 2 * plane + i] & 0xFF);
        }
        image.setRGB(0, 0, w, h, rgb, 0, w);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // In-memory stream: ImageIO.write(OutputStream) would go through a temporary file.
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, ext.equals("png") ? "png" : "jpeg", out)) {
                throw new DataException("this Java runtime has no ImageIO writer for ." + ext);
            }
        } catch (IOException e) {
            throw new DataException("cannot encode image " + index + " as " + ext + " (" + e + ")", e);
        }
        return bytes.toByteArray();
    }
}
