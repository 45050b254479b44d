package org.kdclaims.data;

import java.util.Arrays;

/** What a model trains and is evaluated on; {@link #describe()} goes into the model store key. */
public record TrainingData(String name, ImageDataset train, ImageDataset test, Normalization normalization,
        Augmentation augmentation) {

    public String describe() {
        return name + " train=" + train.fingerprint() + " test=" + test.fingerprint()
                + " norm=" + Arrays.toString(normalization.mean()) + "/"
                + Arrays.toString(normalization.std()) + " augment=" + augmentation;
    }
}
