package com.example.claims;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the example's data set before the test session plans its training: 16x16 RGB images of
 * three shapes on noise, in the {@code train|test/<class>/*.png} layout that {@code @ImageFolder}
 * reads, under target/shapes (junit-platform.properties points {@code kd.shapes} there). The same
 * seed gives the same pixels, so the models trained on them are reused by the next run.
 *
 * <p>With your own data, delete this class and its line in META-INF/services, and point the
 * setting at your folder: {@code mvn test -Dkd.shapes=/path/to/your/data}.
 */
public class ShapesDataSet implements LauncherSessionListener {
    static final Path ROOT = Path.of("target", "shapes");
    private static final List<String> CLASSES = List.of("cross", "disc", "square");
    private static final int SIZE = 16;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Files.isDirectory(ROOT.resolve("test"))) {
            return; // written by an earlier run: same seed, same images
        }
        Random random = new Random(2019);
        try {
            write("train", 40, random);
            write("test", 20, random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the example data set under " + ROOT.toAbsolutePath(), e);
        }
    }

    private static void write(String split, int perClass, Random random) throws IOException {
        for (String shape : CLASSES) {
            Path dir = Files.createDirectories(ROOT.resolve(split).resolve(shape));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(image(shape, random), "png", dir.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
            }
        }
    }

    /** A shape of random colour, size and place on coloured noise. */
    private static BufferedImage image(String shape, Random random) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        int colour = 0x808080 + random.nextInt(0x7F7F7F);
        int r = 3 + random.nextInt(3);
        int cx = r + random.nextInt(SIZE - 2 * r);
        int cy = r + random.nextInt(SIZE - 2 * r);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int dx = x - cx;
                int dy = y - cy;
                boolean inside = switch (shape) {
                    case "disc" -> dx * dx + dy * dy <= r * r;
                    case "square" -> Math.abs(dx) <= r && Math.abs(dy) <= r;
                    default -> (Math.abs(dx) <= 1 || Math.abs(dy) <= 1) && Math.abs(dx) <= r && Math.abs(dy) <= r;
                };
                image.setRGB(x, y, inside ? colour : random.nextInt(0x606060));
            }
        }
        return image;
    }
}
