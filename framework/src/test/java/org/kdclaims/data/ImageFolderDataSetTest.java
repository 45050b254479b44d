package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's image-folder data set: any number of classes and any one image size, from a folder, a
 * .tar.gz or a .zip, through the data cache; each bad input fails naming the file, problem and fix.
 */
class ImageFolderDataSetTest {
    private static final String SETTING = "kd.shapes";
    private static Cifar10 data;

    @BeforeAll
    static void generate() {
        // three classes of 12x12 images: nothing CIFAR-shaped about them
        Cifar10 s = SyntheticTask.generateSplits(4, 2, 3, 12, 11);
        List<String> names = List.of("circle", "square", "triangle");
        data = new Cifar10(s.train().withClassNames(names), s.test().withClassNames(names));
    }

    private static Cifar10 load(Path location) {
        return Cifar10.loadImageFolder(location, SETTING, DataCache.disabled());
    }

    private static DataException loadFails(Path location) {
        try {
            Cifar10 c = load(location);
            throw new AssertionError("expected a DataException, got " + c);
        } catch (DataException e) {
            return e;
        }
    }

    @Test
    void readsAFolderOfAnyClassCountAndImageSize(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir, "png");
        Cifar10 read = load(dir);
        assertThat(read.classNames()).containsExactly("circle", "square", "triangle");
        assertThat(read.train().height()).isEqualTo(12);
        assertThat(read.train().width()).isEqualTo(12);
        assertThat(read.train()).isEqualTo(data.train());
        assertThat(read.test()).isEqualTo(data.test());
    }

    @Test
    void readsTheSameTreeFromATarGzAndAZip(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("tree");
        ImageFolderWriter.write(data, tree, "png");
        Path tgz = dir.resolve("shapes.tar.gz");
        ImageFolderWriter.writeTarGz(data, tgz, "png");
        Path zip = dir.resolve("zipped").resolve("shapes.zip");
        zip(tree, zip);
        assertThat(load(tgz)).isEqualTo(data);
        assertThat(load(zip)).isEqualTo(data);
        assertThat(load(zip.getParent())).as("a folder holding exactly one archive").isEqualTo(data);
    }

    @Test
    void goesThroughTheDataCache(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir.resolve("tree"), "png");
        DataCache cache = DataCache.at(dir.resolve("cache"));
        Cifar10 first = Cifar10.loadImageFolder(dir.resolve("tree"), SETTING, cache);
        assertThat(dir.resolve("cache")).isNotEmptyDirectory();
        assertThat(Cifar10.loadImageFolder(dir.resolve("tree"), SETTING, cache)).isEqualTo(first);
    }

    @Test
    void aClassMissingFromOneSplitNamesItAndTheFix(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        deleteTree(dir.resolve("test/square"));
        assertThat(loadFails(dir)).hasMessageContaining("test/ lacks the class folder square/ that train/ has")
                .hasMessageContaining("add test/square/ or remove train/square/");
    }

    @Test
    void anEmptyClassNamesItAndTheFix(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        try (Stream<Path> files = Files.list(dir.resolve("train/triangle"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertThat(loadFails(dir)).hasMessageContaining("train/triangle/ holds no images")
                .hasMessageContaining("add images or remove the class folder");
    }

    @Test
    void mixedImageSizesNameBothImagesAndTheFix(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        Cifar10 bigger = SyntheticTask.generateSplits(1, 1, 3, 16, 3);
        Files.write(dir.resolve("test/square/odd.png"), ImageEncoder.encode(bigger.test(), 0, "png"));
        assertThat(loadFails(dir)).hasMessageContaining("odd.png: 16x16 pixels, expected 12x12")
                .hasMessageContaining("the size of " + dir.resolve("train/circle"))
                .hasMessageContaining("resize the images to one size or remove this one");
    }

    @Test
    void aFileThatIsNotAnImageNamesItAndTheFix(@TempDir Path dir) throws IOException {
        ImageFolderWriter.write(data, dir, "png");
        Files.writeString(dir.resolve("train/circle/notes.txt"), "not an image");
        assertThat(loadFails(dir)).hasMessageContaining("notes.txt: not a .png, .jpg or .jpeg file")
                .hasMessageContaining("remove it");
        Files.delete(dir.resolve("train/circle/notes.txt"));
        Files.writeString(dir.resolve("train/circle/fake.png"), "not an image either");
        assertThat(loadFails(dir)).hasMessageContaining("fake.png: not a PNG or JPEG image")
                .hasMessageContaining("replace or remove it");
    }

    @Test
    void aFileThatIsNotAZipSaysSo(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("shapes.zip");
        Files.writeString(zip, "plain text");
        assertThat(loadFails(zip)).hasMessageContaining("shapes.zip").hasMessageContaining("not a .zip");
    }

    @Test
    void aMissingLocationNamesTheSettingAndItsEnvironmentVariable(@TempDir Path dir) {
        assertThat(loadFails(dir.resolve("nowhere"))).hasMessageContaining("does not exist")
                .hasMessageContaining("-Dkd.shapes=/path").hasMessageContaining("KD_SHAPES=/path");
    }

    @Test
    void theProviderSkipsAClaimWhoseSettingIsUnsetAndLoadsItOnceSet(@TempDir Path dir) {
        ImageFolderWriter.write(data, dir, "png");
        DataSetId shapes = DataSetId.imageFolder(SETTING);
        DataProvider unset = new DataProvider(false, id -> Optional.empty(), DataCache.disabled());
        assertThat(unset.missing(shapes)).get().asString().contains("-Dkd.shapes=/path");
        DataProvider set = new DataProvider(false, id -> Optional.of(dir), DataCache.disabled());
        assertThat(set.missing(shapes)).isEmpty();
        TrainingData d = set.load(shapes, new DataProvider.Scale(2, 0, 12));
        assertThat(d.train().size()).as("2 per class of 3 classes").isEqualTo(6);
        assertThat(d.test().size()).isEqualTo(6);
        assertThat(d.name()).startsWith("kd.shapes (" + dir);
    }

    @Test
    void theSettingFallsBackToItsEnvironmentVariable(@TempDir Path dir) {
        DataLocations.Finder finder = new DataLocations.Finder(k -> null,
                k -> k.equals("KD_SHAPES") ? dir.toString() : null, dir);
        assertThat(finder.find(SETTING)).contains(dir);
        assertThat(DataLocations.environmentVariable("my-data.path")).isEqualTo("MY_DATA_PATH");
    }

    private static void zip(Path tree, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f)) {
                    z.putNextEntry(new ZipEntry("shapes/" + tree.relativize(f).toString().replace('\\', '/')));
                    z.write(Files.readAllBytes(f));
                    z.closeEntry();
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
