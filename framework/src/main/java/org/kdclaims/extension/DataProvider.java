package org.kdclaims.extension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.kdclaims.annotations.Dataset;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.config.Settings;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.DataCache;
import org.kdclaims.data.DataLocations;
import org.kdclaims.data.FashionMnistIdx;
import org.kdclaims.data.ImageDataset;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.Resize;
import org.kdclaims.data.Subsets;
import org.kdclaims.data.SyntheticTask;
import org.kdclaims.training.TrainingData;

/**
 * Turns a claim's data set and the session's settings into training data: the real data (at the
 * settings' locations, through their data cache) when {@code kd.data=real} (set by
 * {@code -Dgroups=...}), otherwise the generated stand-in; then, at the settings' scale profile, a
 * stratified subset, downscaling, normalisation fitted on the training subset and the paper's
 * augmentation. Subset seed {@value #SUBSET_SEED} is fixed and recorded, never chosen per result.
 */
final class DataProvider {
    static final long SUBSET_SEED = 20191004L;
    private static final int SYNTHETIC_TRAIN_PER_CLASS = 60;
    private static final int SYNTHETIC_TEST_PER_CLASS = 30;

    private DataProvider() {
    }


    /**
     * Why the claims on {@code kind} cannot run here, with the fix; empty when they can (generated
     * data is always there). Checked before planning and by the extension's execution condition,
     * so a claim without its data is skipped, never errored.
     */
    static Optional<String> missing(Dataset.Kind kind, Settings settings) {
        if (!settings.realData()) {
            return Optional.empty();
        }
        boolean fashion = kind == Dataset.Kind.FASHION_MNIST;
        Optional<Path> location = fashion ? settings.fashionMnist() : settings.cifar();
        String fix = fashion ? DataLocations.howToProvideFashionMnist() : DataLocations.howToProvideCifar10();
        if (location.isEmpty()) {
            return Optional.of(fix);
        }
        if (!Files.exists(location.get())) {
            return Optional.of("the configured " + (fashion ? "Fashion-MNIST" : "CIFAR-10") + " location "
                    + location.get() + " does not exist. " + fix);
        }
        return Optional.empty();
    }

    /** The data of {@code kind} at the settings' scale profile, real or the generated stand-in as they say. */
    static TrainingData load(Dataset.Kind kind, Settings settings) {
        ScaleProfile profile = settings.scale();
        boolean realData = settings.realData();
        ImageDataset fullTrain;
        ImageDataset fullTest;
        String name;
        if (kind == Dataset.Kind.FASHION_MNIST && realData) {
            Optional<Path> location = settings.fashionMnist();
            Assumptions.assumeTrue(location.isPresent(), DataLocations::howToProvideFashionMnist);
            FashionMnistIdx.Data d = FashionMnistIdx.load(location.get());
            fullTrain = d.train();
            fullTest = d.test();
            name = "Fashion-MNIST (" + location.get() + ")";
        } else if (realData) {
            Optional<Path> location = settings.cifar();
            Assumptions.assumeTrue(location.isPresent(), DataLocations::howToProvideCifar10);
            Cifar10 source = Cifar10.load(location.get(), DataCache.of(settings.dataCache()));
            fullTrain = source.train();
            fullTest = source.test();
            name = "CIFAR-10 (" + location.get() + ")";
        } else {
            Cifar10 source = SyntheticTask.generateSplits(SYNTHETIC_TRAIN_PER_CLASS, SYNTHETIC_TEST_PER_CLASS, 10, 32, 7);
            fullTrain = source.train();
            fullTest = source.test();
            name = "synthetic stand-in for " + (kind == Dataset.Kind.FASHION_MNIST ? "Fashion-MNIST" : "CIFAR-10")
                    + " (generated, seed 7)";
        }
        ImageDataset train = subset(fullTrain, profile.trainPerClass());
        ImageDataset test = subset(fullTest, profile.testPerClass());
        // the nearest whole factor: 32 px at resolution 16 -> 16, Fashion-MNIST's 28 px -> 14
        int factor = (int) Math.round((double) train.height() / profile.resolution());
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
