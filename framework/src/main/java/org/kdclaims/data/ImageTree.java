package org.kdclaims.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The {@code train/<class>/<file>} and {@code test/<class>/<file>} layout, collected from a folder
 * or an archive, then checked and decoded into a {@link Cifar10}. Keeping the checks here means the
 * folder and the archive reader accept exactly the same trees.
 */
final class ImageTree {
    static final String TRAIN = "train";
    static final String TEST = "test";
    /** Keeps the labels in the official order for a CIFAR-10 tree, whatever the folder order. */
    private static final Set<String> OFFICIAL = Set.copyOf(Cifar10.CLASS_NAMES);

    /** Reads the encoded bytes of one image, possibly lazily (from a file). */
    interface ByteSource {
        byte[] read() throws IOException;
    }

    private record Entry(String fileName, String displayName, ByteSource bytes) {
    }

    private final String where;
    private final int height;
    private final int width;
    private final boolean cifar;
    private final Map<String, Map<String, List<Entry>>> splits = new TreeMap<>();

    /**
     * {@code where} names the folder or archive in messages. {@code height} and {@code width} of 0
     * take the size of the first image (the first file of the first class of train/), which every
     * other image must then have; {@code cifar} adds CIFAR-10's check that no official class is missing.
     */
    ImageTree(String where, int height, int width, boolean cifar) {
        this.where = where;
        this.height = height;
        this.width = width;
        this.cifar = cifar;
    }

    /** A CIFAR-10 tree: 32x32 images, the official classes. */
    static ImageTree cifar(String where) {
        return new ImageTree(where, 32, 32, true);
    }

    /** A user's tree: any number of classes, any one image size. */
    static ImageTree anySize(String where) {
        return new ImageTree(where, 0, 0, false);
    }

    static boolean isSplit(String name) {
        return TRAIN.equals(name) || TEST.equals(name);
    }

    static boolean isImageName(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".png") || f.endsWith(".jpg") || f.endsWith(".jpeg");
    }

    /** Hidden files (.DS_Store, ._x resource forks) are skipped wherever they are. */
    static boolean isHidden(String fileName) {
        return fileName.startsWith(".");
    }

    void addClass(String split, String className) {
        splits.computeIfAbsent(split, s -> new TreeMap<>()).computeIfAbsent(className, c -> new ArrayList<>());
    }

    static void requireImageName(String fileName, String displayName) {
        if (!isImageName(fileName)) {
            throw new DataException(displayName + ": not a .png, .jpg or .jpeg file; class folders"
                    + " may hold images only; remove it");
        }
    }

    void addImage(String split, String className, String fileName, String displayName, ByteSource bytes) {
        requireImageName(fileName, displayName);
        addClass(split, className);
        splits.get(split).get(className).add(new Entry(fileName, displayName, bytes));
    }

    /** Checks the tree, decodes every image and returns both splits; all or nothing. */
    Cifar10 decode() {
        for (String split : List.of(TRAIN, TEST)) {
            if (!splits.containsKey(split) || splits.get(split).isEmpty()) {
                throw new DataException(where + ": no " + split + "/<class>/ folders with images; expected"
                        + " train/<class>/*.png|*.jpg and test/<class>/*.png|*.jpg (e.g. train/cat/0000.png)");
            }
        }
        Set<String> train = splits.get(TRAIN).keySet();
        Set<String> test = splits.get(TEST).keySet();
        for (String c : new TreeSet<>(test)) {
            if (!train.contains(c)) {
                throw new DataException(where + ": test/" + c + "/ is a class folder that train/ lacks;"
                        + " every class needs a folder in both train/ and test/: add train/" + c
                        + "/ or remove test/" + c + "/");
            }
        }
        for (String c : new TreeSet<>(train)) {
            if (!test.contains(c)) {
                throw new DataException(where + ": test/ lacks the class folder " + c + "/ that train/ has;"
                        + " every class needs a folder in both train/ and test/: add test/" + c
                        + "/ or remove train/" + c + "/");
            }
        }
        if (cifar && OFFICIAL.containsAll(train) && train.size() < OFFICIAL.size()) {
            Set<String> missing = new TreeSet<>(OFFICIAL);
            missing.removeAll(train);
            throw new DataException(where + ": class folder(s) " + missing + " missing from train/ and"
                    + " test/: CIFAR-10 has 10 classes " + Cifar10.CLASS_NAMES + "; restore them");
        }
        List<String> classes = classOrder(train);
        List<List<Entry>> trainFiles = files(TRAIN, classes);
        List<List<Entry>> testFiles = files(TEST, classes);
        // the reference size: given, or the first training image's (read before the parallel decode)
        Entry first = trainFiles.get(0).get(0);
        int[] size = height > 0 ? new int[] {height, width} : ImageDecoder.size(read(first), first.displayName());
        String reference = height > 0 ? null : first.displayName();
        return new Cifar10(decode(TRAIN, classes, trainFiles, size[0], size[1], reference),
                decode(TEST, classes, testFiles, size[0], size[1], reference));
    }

    /** Official CIFAR-10 order when the folders are exactly those classes, else sorted names. */
    static List<String> classOrder(Set<String> folderNames) {
        if (folderNames.equals(OFFICIAL)) {
            return Cifar10.CLASS_NAMES;
        }
        return List.copyOf(new TreeSet<>(folderNames));
    }

    /** Each class's files in {@code split}, sorted by name; an empty class is an error before any decoding. */
    private List<List<Entry>> files(String split, List<String> classes) {
        List<List<Entry>> all = new ArrayList<>();
        for (String c : classes) {
            List<Entry> files = new ArrayList<>(splits.get(split).get(c));
            if (files.isEmpty()) {
                throw new DataException(where + ": " + split + "/" + c
                        + "/ holds no images; every class needs at least one in train/ and test/: add images"
                        + " or remove the class folder from both splits");
            }
            files.sort(Comparator.comparing(Entry::fileName));
            checkDistinct(files);
            all.add(files);
        }
        return all;
    }

    private static byte[] read(Entry e) {
        try {
            return e.bytes().read();
        } catch (IOException ex) {
            throw new DataException(e.displayName() + ": cannot read it (" + ex + ")", ex);
        }
    }

    private ImageDataset decode(String split, List<String> classes, List<List<Entry>> byClass, int height, int width,
            String reference) {
        List<Entry> entries = new ArrayList<>();
        List<Integer> labelList = new ArrayList<>();
        for (int label = 0; label < byClass.size(); label++) {
            entries.addAll(byClass.get(label));
            for (int i = 0; i < byClass.get(label).size(); i++) {
                labelList.add(label);
            }
        }
        int n = entries.size();
        int bytesPerImage = 3 * height * width;
        if ((long) n * bytesPerImage > Integer.MAX_VALUE - 8) {
            throw new DataException(where + ": " + split + "/ holds " + n + " images, more than one"
                    + " Java array can hold; use a smaller subset");
        }
        byte[] pixels = new byte[n * bytesPerImage];
        // Decoding dominates the cold load; images are independent, so use every core.
        IntStream.range(0, n).parallel().forEach(i -> {
            Entry e = entries.get(i);
            ImageDecoder.decodeRgbInto(read(e), e.displayName(), height, width, reference, pixels, i * bytesPerImage);
        });
        int[] labels = labelList.stream().mapToInt(Integer::intValue).toArray();
        return ImageDataset.wrap(pixels, labels, 3, height, width, classes);
    }

    private static void checkDistinct(List<Entry> sorted) {
        Set<String> seen = new HashSet<>();
        for (Entry e : sorted) {
            if (!seen.add(e.fileName())) {
                throw new DataException(e.displayName() + ": appears twice; remove the duplicate");
            }
        }
    }
}
