package org.kdclaims.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a claim's data set into training data: the real data (at its configured location, through
 * the data cache) when asked for, otherwise the generated stand-in; then, at the scale's sizes, a
 * stratified subset, downscaling, normalisation fitted on the training subset and the paper's
 * augmentation. Subset seed {@value #SUBSET_SEED} is fixed and recorded, never chosen per result.
 *
 * <p>A user's image-folder data set is always real: there is no stand-in for data nobody else has
 * (its shape and classes are the user's), so without its location its claims are skipped with the fix.
 * The session's settings make one of these ({@code config.Settings#dataProvider()}).
 */
public final class DataProvider {
    public static final long SUBSET_SEED = 20191004L;
    private static final int SYNTHETIC_TRAIN_PER_CLASS = 60;
    private static final int SYNTHETIC_TEST_PER_CLASS = 30;

    /** How many images per class and at what resolution a scale trains on (0 per class: all). */
    public record Scale(int trainPerClass, int testPerClass, int resolution) {
    }

    private final boolean realData;
    private final Function<DataSetId, Optional<Path>> locations;
    private final DataCache cache;

    /**
     * @param realData the paper's data sets from disk ({@code kd.data=real}) or their generated stand-in
     * @param locations where each data set is, empty when none is configured or found
     */
    public DataProvider(boolean realData, Function<DataSetId, Optional<Path>> locations, DataCache cache) {
        this.realData = realData;
        this.locations = locations;
        this.cache = cache;
    }

    private boolean fromDisk(DataSetId id) {
        return realData || id.kind() == DataSetId.Kind.IMAGE_FOLDER;
    }

    /**
     * Why the claims on {@code id} cannot run here, with the fix; empty when they can (generated
     * data is always there). Checked before planning and by the extension's execution condition,
     * so a claim without its data is skipped, never errored.
     */
    public Optional<String> missing(DataSetId id) {
        if (!fromDisk(id)) {
            return Optional.empty();
        }
        Optional<Path> location = locations.apply(id);
        if (location.isEmpty()) {
            return Optional.of(howToProvide(id));
        }
        if (!Files.exists(location.get())) {
            return Optional.of("the configured " + id + " location " + location.get() + " does not exist. "
                    + howToProvide(id));
        }
        return Optional.empty();
    }

    private static String howToProvide(DataSetId id) {
        return switch (id.kind()) {
            case CIFAR10 -> DataLocations.howToProvideCifar10();
            case FASHION_MNIST -> DataLocations.howToProvideFashionMnist();
            case IMAGE_FOLDER -> DataLocations.howToProvideImageFolder(id.setting());
        };
    }

    /**
     * The data of {@code id} at {@code scale}, real or the generated stand-in as configured.
     *
     * @throws DataException when the data is missing (with the fix; {@link #missing} says so first)
     *         or bad (naming the file, the problem and the fix)
     */
    public TrainingData load(DataSetId id, Scale scale) {
        ImageDataset fullTrain;
        ImageDataset fullTest;
        String name;
        if (fromDisk(id)) {
            Path location = locations.apply(id).orElseThrow(() -> new DataException(howToProvide(id)));
            Cifar10 source = switch (id.kind()) {
                case FASHION_MNIST -> {
                    FashionMnistIdx.Data d = FashionMnistIdx.load(location);
                    yield new Cifar10(d.train(), d.test());
                }
                case CIFAR10 -> Cifar10.load(location, cache);
                case IMAGE_FOLDER -> Cifar10.loadImageFolder(location, id.setting(), cache);
            };
            fullTrain = source.train();
            fullTest = source.test();
            name = (id.kind() == DataSetId.Kind.IMAGE_FOLDER ? id.setting() : id.toString()) + " (" + location + ")";
        } else {
            Cifar10 source = SyntheticTask.generateSplits(SYNTHETIC_TRAIN_PER_CLASS, SYNTHETIC_TEST_PER_CLASS, 10, 32, 7);
            fullTrain = source.train();
            fullTest = source.test();
            name = "synthetic stand-in for " + id + " (generated, seed 7)";
        }
        ImageDataset train = subset(fullTrain, scale.trainPerClass());
        ImageDataset test = subset(fullTest, scale.testPerClass());
        // the nearest whole factor: 32 px at resolution 16 -> 16, Fashion-MNIST's 28 px -> 14
        int factor = (int) Math.round((double) train.height() / scale.resolution());
        if (factor > 1) {
            train = Resize.downscale(train, factor);
            test = Resize.downscale(test, factor);
        }
        int pad = Math.max(1, 4 * train.height() / 32);
        String described = String.format(Locale.ROOT, "%s, %d train / %d test images at %dx%d", name, train.size(),
                test.size(), train.height(), train.width());
        return new TrainingData(described, train, test, Normalization.fit(train), Augmentation.padCropFlip(pad));
    }

    private static ImageDataset subset(ImageDataset d, int perClass) {
        int smallest = Arrays.stream(d.classCounts()).min().orElse(0);
        if (perClass <= 0 || perClass >= smallest) {
            return d;
        }
        return d.subset(Subsets.stratified(d, perClass, SUBSET_SEED));
    }
}
